-- Collaboration (issue 4): comment tombstones, the map event log behind live updates, and webhook replay protection.
-- Keep in step with ../h2/V2__collaboration.sql.

-- A deleted comment that has replies keeps its place in the thread: its text is cleared and deleted_at set.
ALTER TABLE comments ADD COLUMN deleted_at timestamptz;

-- Recent events per map, so a client reconnecting with Last-Event-ID misses nothing; the id is the SSE event id.
-- Rows are pruned after an hour. On PostgreSQL, NOTIFY tessera_map_events wakes every instance's listener.
CREATE TABLE map_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  map_id     uuid NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  type       varchar(32) NOT NULL,
  payload    text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX idx_map_events_map ON map_events (map_id, id);
CREATE INDEX idx_map_events_created ON map_events (created_at);

-- Svix message ids already processed by the user sync webhook: a replayed delivery is acknowledged and ignored.
CREATE TABLE webhook_deliveries (
  id          varchar(128) PRIMARY KEY,
  received_at timestamptz NOT NULL
);
CREATE INDEX idx_webhook_deliveries_received ON webhook_deliveries (received_at);

-- Collaboration (issue 4) on H2GIS. Keep in step with ../postgresql/V2__collaboration.sql.

ALTER TABLE comments ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE map_events (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  map_id     UUID NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  type       varchar(32) NOT NULL,
  payload    VARCHAR NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_map_events_map ON map_events (map_id, id);
CREATE INDEX idx_map_events_created ON map_events (created_at);

CREATE TABLE webhook_deliveries (
  id          varchar(128) PRIMARY KEY,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_webhook_deliveries_received ON webhook_deliveries (received_at);

-- Tessera's data model (DESIGN.md §3) on PostgreSQL + PostGIS.
-- Keep in step with ../h2/V1__schema.sql: same tables, columns and constraints; only types differ.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE users (
  id          uuid PRIMARY KEY,
  external_id text UNIQUE,
  email       text UNIQUE,
  name        text,
  avatar_url  text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX idx_users_external_id ON users (external_id);

-- Roles and local sign-in live beside users, so an identity provider's users need neither.
CREATE TABLE user_roles (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    varchar(32) NOT NULL CHECK (role IN ('admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE local_credentials (
  user_id       uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  updated_at    timestamptz NOT NULL
);

CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         text NOT NULL,
  token_hash   varchar(64) NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id);

CREATE TABLE maps (
  id               uuid PRIMARY KEY,
  name             text NOT NULL,
  description      text,
  center_lat       double precision NOT NULL,
  center_lng       double precision NOT NULL,
  zoom             double precision NOT NULL,
  basemap          text,
  permission_level varchar(16) NOT NULL CHECK (permission_level IN ('private', 'collaborators', 'public')),
  created_by       uuid NOT NULL REFERENCES users (id),
  version          bigint NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX idx_maps_created_by ON maps (created_by);
CREATE INDEX idx_maps_permission ON maps (permission_level);

CREATE TABLE layers (
  id            uuid PRIMARY KEY,
  name          text NOT NULL,
  source_type   varchar(16) NOT NULL CHECK (source_type IN ('wms', 'wmts', 'geotiff', 'vector', 'pmtiles')),
  description   text,
  category      text,
  created_by    uuid NOT NULL REFERENCES users (id),
  editable      varchar(16) NOT NULL CHECK (editable IN ('creator-only', 'everyone')),
  is_global     boolean NOT NULL,
  source_config jsonb NOT NULL,
  style_config  jsonb,
  legend_config jsonb,
  metadata      jsonb,
  version       bigint NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX idx_layers_created_by ON layers (created_by);
CREATE INDEX idx_layers_is_global ON layers (is_global);
CREATE INDEX idx_layers_category ON layers (category);
CREATE INDEX idx_layers_source_type ON layers (source_type);

CREATE TABLE layer_features (
  id            uuid PRIMARY KEY,
  layer_id      uuid NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  geometry      geometry(Geometry, 4326) NOT NULL,
  properties    jsonb NOT NULL,
  display_order integer NOT NULL,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX idx_features_layer_id ON layer_features (layer_id, id);
CREATE INDEX idx_features_geometry ON layer_features USING GIST (geometry);

CREATE TABLE map_layers (
  id            uuid PRIMARY KEY,
  map_id        uuid NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  layer_id      uuid NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  display_order integer NOT NULL,
  is_visible    boolean NOT NULL,
  opacity       double precision NOT NULL CHECK (opacity >= 0 AND opacity <= 1),
  added_at      timestamptz NOT NULL
);
CREATE INDEX idx_map_layers_map ON map_layers (map_id);
CREATE INDEX idx_map_layers_layer ON map_layers (layer_id);
CREATE UNIQUE INDEX idx_map_layers_unique ON map_layers (map_id, layer_id);

CREATE TABLE map_collaborators (
  id          uuid PRIMARY KEY,
  map_id      uuid NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  permission  varchar(8) NOT NULL CHECK (permission IN ('view', 'edit')),
  invited_at  timestamptz NOT NULL,
  accepted_at timestamptz
);
CREATE INDEX idx_collaborators_map ON map_collaborators (map_id);
CREATE INDEX idx_collaborators_user ON map_collaborators (user_id);
CREATE UNIQUE INDEX idx_collaborators_unique ON map_collaborators (map_id, user_id);

CREATE TABLE comments (
  id          uuid PRIMARY KEY,
  content     text NOT NULL,
  author_id   uuid NOT NULL REFERENCES users (id),
  map_id      uuid REFERENCES maps (id) ON DELETE CASCADE,
  layer_id    uuid REFERENCES layers (id) ON DELETE CASCADE,
  parent_id   uuid REFERENCES comments (id) ON DELETE CASCADE,
  is_resolved boolean NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  CONSTRAINT comments_on_map_or_layer CHECK ((map_id IS NULL) <> (layer_id IS NULL))
);
CREATE INDEX idx_comments_author ON comments (author_id);
CREATE INDEX idx_comments_map ON comments (map_id);
CREATE INDEX idx_comments_layer ON comments (layer_id);
CREATE INDEX idx_comments_parent ON comments (parent_id);

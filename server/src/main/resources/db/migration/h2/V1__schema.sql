-- Tessera's data model (DESIGN.md §3) on H2 + H2GIS, the embedded store.
-- Keep in step with ../postgresql/V1__schema.sql: same tables, columns and constraints; only types differ.
-- H2GIS: register the spatial functions (ST_*) in this database once.
CREATE ALIAS IF NOT EXISTS H2GIS_SPATIAL FOR "org.h2gis.functions.factory.H2GISFunctions.load";
CALL H2GIS_SPATIAL();

CREATE TABLE users (
  id          UUID PRIMARY KEY,
  external_id VARCHAR UNIQUE,
  email       VARCHAR UNIQUE,
  name        VARCHAR,
  avatar_url  VARCHAR,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_users_external_id ON users (external_id);

-- Roles and local sign-in live beside users, so an identity provider's users need neither.
CREATE TABLE user_roles (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role    varchar(32) NOT NULL CHECK (role IN ('admin')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE local_credentials (
  user_id       UUID PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  password_hash VARCHAR NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_tokens (
  id           UUID PRIMARY KEY,
  user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         VARCHAR NOT NULL,
  token_hash   varchar(64) NOT NULL UNIQUE,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id);

CREATE TABLE maps (
  id               UUID PRIMARY KEY,
  name             VARCHAR NOT NULL,
  description      VARCHAR,
  center_lat       double precision NOT NULL,
  center_lng       double precision NOT NULL,
  zoom             double precision NOT NULL,
  basemap          VARCHAR,
  permission_level varchar(16) NOT NULL CHECK (permission_level IN ('private', 'collaborators', 'public')),
  created_by       UUID NOT NULL REFERENCES users (id),
  version          bigint NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_maps_created_by ON maps (created_by);
CREATE INDEX idx_maps_permission ON maps (permission_level);

CREATE TABLE layers (
  id            UUID PRIMARY KEY,
  name          VARCHAR NOT NULL,
  source_type   varchar(16) NOT NULL CHECK (source_type IN ('wms', 'wmts', 'geotiff', 'vector', 'pmtiles')),
  description   VARCHAR,
  category      VARCHAR,
  created_by    UUID NOT NULL REFERENCES users (id),
  editable      varchar(16) NOT NULL CHECK (editable IN ('creator-only', 'everyone')),
  is_global     boolean NOT NULL,
  source_config CHARACTER LARGE OBJECT NOT NULL,
  style_config  CHARACTER LARGE OBJECT,
  legend_config CHARACTER LARGE OBJECT,
  metadata      CHARACTER LARGE OBJECT,
  version       bigint NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_layers_created_by ON layers (created_by);
CREATE INDEX idx_layers_is_global ON layers (is_global);
CREATE INDEX idx_layers_category ON layers (category);
CREATE INDEX idx_layers_source_type ON layers (source_type);

CREATE TABLE layer_features (
  id            UUID PRIMARY KEY,
  layer_id      UUID NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  geometry      GEOMETRY(GEOMETRY, 4326) NOT NULL,
  properties    CHARACTER LARGE OBJECT NOT NULL,
  display_order integer NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_features_layer_id ON layer_features (layer_id, id);
CREATE SPATIAL INDEX idx_features_geometry ON layer_features (geometry);

CREATE TABLE map_layers (
  id            UUID PRIMARY KEY,
  map_id        UUID NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  layer_id      UUID NOT NULL REFERENCES layers (id) ON DELETE CASCADE,
  display_order integer NOT NULL,
  is_visible    boolean NOT NULL,
  opacity       double precision NOT NULL CHECK (opacity >= 0 AND opacity <= 1),
  added_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_map_layers_map ON map_layers (map_id);
CREATE INDEX idx_map_layers_layer ON map_layers (layer_id);
CREATE UNIQUE INDEX idx_map_layers_unique ON map_layers (map_id, layer_id);

CREATE TABLE map_collaborators (
  id          UUID PRIMARY KEY,
  map_id      UUID NOT NULL REFERENCES maps (id) ON DELETE CASCADE,
  user_id     UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  permission  varchar(8) NOT NULL CHECK (permission IN ('view', 'edit')),
  invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_collaborators_map ON map_collaborators (map_id);
CREATE INDEX idx_collaborators_user ON map_collaborators (user_id);
CREATE UNIQUE INDEX idx_collaborators_unique ON map_collaborators (map_id, user_id);

CREATE TABLE comments (
  id          UUID PRIMARY KEY,
  content     VARCHAR NOT NULL,
  author_id   UUID NOT NULL REFERENCES users (id),
  map_id      UUID REFERENCES maps (id) ON DELETE CASCADE,
  layer_id    UUID REFERENCES layers (id) ON DELETE CASCADE,
  parent_id   UUID REFERENCES comments (id) ON DELETE CASCADE,
  is_resolved boolean NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT comments_on_map_or_layer CHECK ((map_id IS NULL) <> (layer_id IS NULL))
);
CREATE INDEX idx_comments_author ON comments (author_id);
CREATE INDEX idx_comments_map ON comments (map_id);
CREATE INDEX idx_comments_layer ON comments (layer_id);
CREATE INDEX idx_comments_parent ON comments (parent_id);

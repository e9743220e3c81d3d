-- A short unique name for a layer, accepted wherever the places API takes a dataset (issue 6).
ALTER TABLE layers ADD COLUMN slug varchar(64);
CREATE UNIQUE INDEX idx_layers_slug ON layers (slug);

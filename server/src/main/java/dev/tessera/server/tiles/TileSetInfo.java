package dev.tessera.server.tiles;

import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;

/**
 * What TileJSON says about a source.
 *
 * @param bounds lon/lat bounds of the data, or null if unknown
 * @param vectorLayers TileJSON {@code vector_layers} (an array), or null for raster sources and archives without it
 */
public record TileSetInfo(Envelope bounds, int minZoom, int maxZoom, JsonNode vectorLayers) {}

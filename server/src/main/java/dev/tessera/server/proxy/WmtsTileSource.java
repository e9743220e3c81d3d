package dev.tessera.server.proxy;

import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileVariant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * The tiles of one WMTS layer, fetched tile for tile from the service's WebMercatorQuad-compatible matrix set (see
 * {@link WmtsCapabilities}): by its REST template or KVP GetTile. A request's {@code time} fills the layer's Time
 * dimension. The service's image is passed on as it is, in the layer's format whatever the URL's extension. A zoom
 * the set lacks, and a tile the service reports missing, answer 204. Thread-safe.
 */
final class WmtsTileSource implements TileSource {
  private final WmtsCapabilities service;
  private final UpstreamClient upstream;

  WmtsTileSource(WmtsCapabilities service, UpstreamClient upstream) {
    this.service = service;
    this.upstream = upstream;
  }

  @Override
  public TileFormat format() {
    return UpstreamTiles.format(service.format());
  }

  @Override
  public Tile tile(TileCoord coord) {
    return variant(format().extension(), 1, Map.of()).renderer().apply(coord);
  }

  @Override
  public TileSetInfo info() {
    Envelope bounds = service.bounds() != null ? service.bounds()
        : new Envelope(-180, 180, -WebMercator.MAX_LATITUDE, WebMercator.MAX_LATITUDE);
    int min = service.matrices().keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
    int max = service.matrices().keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    return new TileSetInfo(bounds, min, max, null);
  }

  @Override
  public TileVariant variant(String extension, int scale, Map<String, String> query) {
    UpstreamTiles.requested(extension); // any image extension; the service decides the encoding
    if (scale != 1) {
      throw ApiException.badRequest("invalid_tile", "WMTS layers serve 256 px tiles only; drop '@2x'.")
          .with("parameter", "y");
    }
    Map<String, String> dimensions = new LinkedHashMap<>(service.dimensionDefaults());
    for (var entry : query.entrySet()) {
      if (!entry.getKey().equals("time")) {
        throw ApiException.badRequest("invalid_parameter", "WMTS tiles take no parameter '" + entry.getKey()
            + "' (only time, for layers with a Time dimension).").with("parameter", entry.getKey());
      }
      String name = timeDimension();
      if (name == null) {
        throw ProxyTime.invalid("This WMTS layer has no Time dimension; drop 'time'.");
      }
      dimensions.put(name, entry.getValue().strip());
    }
    TileFormat format = format();
    String key = format.extension() + "/" + dimensions;
    return new TileVariant(format, key, coord -> {
      String matrix = service.matrices().get(coord.z());
      if (matrix == null) {
        return null;
      }
      URI uri = tileUri(matrix, coord, dimensions);
      return UpstreamTiles.tile(upstream.get(uri), uri, true);
    });
  }

  /** The name of the layer's time dimension as the service spells it, or null. */
  private String timeDimension() {
    for (String name : service.dimensionDefaults().keySet()) {
      if (name.equalsIgnoreCase("time")) {
        return name;
      }
    }
    if (service.template() != null) {
      var m = java.util.regex.Pattern.compile("\\{(?i)(time)}").matcher(service.template());
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  URI tileUri(String matrix, TileCoord coord, Map<String, String> dimensions) {
    if (service.template() != null) {
      String url = service.template()
          .replace("{TileMatrix}", UpstreamTiles.encode(matrix)).replace("{TileRow}", Integer.toString(coord.y()))
          .replace("{TileCol}", Integer.toString(coord.x())).replace("{z}", UpstreamTiles.encode(matrix))
          .replace("{y}", Integer.toString(coord.y())).replace("{x}", Integer.toString(coord.x()))
          .replace("{Style}", UpstreamTiles.encode(service.style())).replace("{TileMatrixSet}", UpstreamTiles.encode(service.matrixSet()));
      for (var d : dimensions.entrySet()) {
        url = url.replace("{" + d.getKey() + "}", UpstreamTiles.encode(d.getValue()));
      }
      return URI.create(url);
    }
    Map<String, String> p = new LinkedHashMap<>();
    p.put("SERVICE", "WMTS");
    p.put("REQUEST", "GetTile");
    p.put("VERSION", "1.0.0");
    p.put("LAYER", service.layer());
    p.put("STYLE", service.style());
    p.put("TILEMATRIXSET", service.matrixSet());
    p.put("TILEMATRIX", matrix);
    p.put("TILEROW", Integer.toString(coord.y()));
    p.put("TILECOL", Integer.toString(coord.x()));
    p.put("FORMAT", service.format());
    p.putAll(dimensions);
    return UpstreamTiles.withParameters(service.kvpEndpoint(), p);
  }
}

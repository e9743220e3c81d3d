package dev.tessera.server.proxy;

import dev.tessera.engine.raster.EquirectangularToMercator;
import dev.tessera.engine.raster.ImageEncoder;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.tile.WebMercator;
import dev.tessera.server.layer.Layer;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import dev.tessera.server.tiles.TileVariant;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;

/**
 * The tiles of one WMS layer: a GetMap per WebMercatorQuad tile, 256 or 512 px ({@code @2x}), in the format the
 * URL's extension asks for, with the layer's styles, transparency, extra dimensions and, for temporal layers, the
 * request's time snapped to the layer's resolution. The map is asked for in EPSG:3857 (CRS in 1.3.0, SRS in 1.1.1),
 * or, for a service that does not offer it ({@code source_config.crs} EPSG:4326 or CRS:84), in geographic
 * coordinates over the tile's longitudes and latitudes (latitude first for EPSG:4326 in 1.3.0, as the standard
 * says) and reprojected here ({@link EquirectangularToMercator}). Tiles are cached by {@code TileController} like
 * any other (key: format, size, time). Thread-safe.
 */
final class WmsTileSource implements TileSource {
  /** Query parameters of a layer's URL that Tessera sets itself, dropped from the URL it was given. */
  private static final Set<String> OWN_PARAMETERS = Set.of("service", "request", "version", "layers", "styles", "crs",
      "srs", "bbox", "width", "height", "format", "transparent", "time");

  private final Layer layer;
  private final UpstreamClient upstream;
  private final String base;
  private final String crs;
  private final ProxyTime time;

  WmsTileSource(Layer layer, UpstreamClient upstream) {
    this.layer = layer;
    this.upstream = upstream;
    JsonNode config = layer.sourceConfig();
    this.base = withoutOwnParameters(config.path("url").asString());
    this.crs = config.path("crs").asString("EPSG:3857");
    this.time = ProxyTime.of(config.get("temporal"));
  }

  @Override
  public TileFormat format() {
    return UpstreamTiles.format(layer.sourceConfig().path("format").asString(null));
  }

  @Override
  public Tile tile(TileCoord coord) {
    return variant(format().extension(), 1, Map.of()).renderer().apply(coord);
  }

  @Override
  public TileSetInfo info() {
    return new TileSetInfo(new Envelope(-180, 180, -WebMercator.MAX_LATITUDE, WebMercator.MAX_LATITUDE), 0, 22, null);
  }

  @Override
  public TileVariant variant(String extension, int scale, Map<String, String> query) {
    TileFormat format = UpstreamTiles.requested(extension);
    if (format == TileFormat.WEBP && !crs.equals("EPSG:3857") && !dev.tessera.engine.raster.WebpWriter.available()) {
      // a reprojected tile is encoded here, and that needs libwebp; a passed-through one is the service's own bytes
      throw ApiException.badRequest("unsupported_tile_format",
              "WebP tiles of reprojected WMS layers are not available on this server: libwebp did not load on its"
                  + " platform; ask for .png or .jpg.")
          .with("parameter", "format");
    }
    for (String name : query.keySet()) {
      if (!name.equals("time")) {
        throw ApiException.badRequest("invalid_parameter",
            "WMS tiles take no parameter '" + name + "' (only time, for temporal layers).").with("parameter", name);
      }
    }
    String when = null;
    if (time != null) {
      when = time.resolve(query.get("time"));
    } else if (query.containsKey("time")) {
      throw ProxyTime.invalid("Layer " + layer.id() + " has no time dimension; drop 'time'.");
    }
    int size = 256 * scale;
    String at = when;
    return new TileVariant(format, format.extension() + "/" + size + (at == null ? "" : "/" + at),
        coord -> fetch(coord, format, size, at));
  }

  private Tile fetch(TileCoord coord, TileFormat format, int size, String when) {
    URI uri = getMap(coord, format, size, when);
    Tile tile = UpstreamTiles.tile(upstream.get(uri), uri, false);
    return crs.equals("EPSG:3857") ? tile : reprojected(tile, coord, format, size, uri);
  }

  /** The largest side of a service's image Tessera decodes: a few times any tile, far below a memory problem. */
  private static final int MAX_DECODED_SIDE = 4096;

  /** A geographic map of the tile's extent, as the tile in Web Mercator. */
  private static Tile reprojected(Tile geographic, TileCoord coord, TileFormat format, int size, URI uri) {
    java.awt.image.BufferedImage image = decode(geographic.bytes(), uri);
    int w = image.getWidth();
    int h = image.getHeight();
    int[] argb = EquirectangularToMercator.warp(image.getRGB(0, 0, w, h, null, 0, w), w, h, coord.z(), coord.y(), size);
    return Tile.raw(ImageEncoder.encode(argb, size, size, format.encoding()));
  }

  /**
   * The service's image, decoded after its header was read: an image claiming more than {@value #MAX_DECODED_SIDE}
   * pixels a side (a few bytes of PNG can) is refused before any pixel memory is taken.
   */
  private static java.awt.image.BufferedImage decode(byte[] bytes, URI uri) {
    try (var in = javax.imageio.ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
      var readers = javax.imageio.ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw UpstreamClient.upstreamError(uri, "its image is in a format Tessera cannot reproject");
      }
      javax.imageio.ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if (reader.getWidth(0) > MAX_DECODED_SIDE || reader.getHeight(0) > MAX_DECODED_SIDE) {
          throw UpstreamClient.upstreamError(uri, "its image is " + reader.getWidth(0) + " × " + reader.getHeight(0)
              + " pixels, more than the " + MAX_DECODED_SIDE + " a side Tessera decodes");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (java.io.IOException e) {
      throw UpstreamClient.upstreamError(uri, "its image could not be decoded for reprojection");
    }
  }

  /** The GetMap URL of one tile. */
  URI getMap(TileCoord coord, TileFormat format, int size, String when) {
    JsonNode config = layer.sourceConfig();
    String version = config.path("version").asString("1.3.0");
    double world = WebMercator.WORLD_SIZE_METRES;
    double span = world / (1L << coord.z());
    double minX = -world / 2 + coord.x() * span;
    double maxY = world / 2 - coord.y() * span;
    Map<String, String> p = new LinkedHashMap<>();
    p.put("SERVICE", "WMS");
    p.put("REQUEST", "GetMap");
    p.put("VERSION", version);
    p.put("LAYERS", config.path("layers").asString());
    p.put("STYLES", config.path("styles").asString(""));
    if (crs.equals("EPSG:3857")) {
      p.put(version.equals("1.1.1") ? "SRS" : "CRS", crs);
      p.put("BBOX", coordinate(minX) + "," + coordinate(maxY - span) + "," + coordinate(minX + span) + ","
          + coordinate(maxY));
    } else {
      double scale = 1L << coord.z();
      double west = coord.x() / scale * 360 - 180;
      double east = (coord.x() + 1) / scale * 360 - 180;
      double north = WebMercator.lat(coord.y() / scale);
      double south = WebMercator.lat((coord.y() + 1) / scale);
      boolean latitudeFirst = version.equals("1.3.0") && crs.equals("EPSG:4326");
      p.put(version.equals("1.1.1") ? "SRS" : "CRS", version.equals("1.1.1") ? "EPSG:4326" : crs);
      p.put("BBOX", latitudeFirst ? degrees(south) + "," + degrees(west) + "," + degrees(north) + "," + degrees(east)
          : degrees(west) + "," + degrees(south) + "," + degrees(east) + "," + degrees(north));
    }
    p.put("WIDTH", Integer.toString(size));
    p.put("HEIGHT", Integer.toString(size));
    p.put("FORMAT", UpstreamTiles.mediaType(format));
    boolean transparent = config.path("transparent").asBoolean(format != TileFormat.JPEG);
    p.put("TRANSPARENT", transparent ? "TRUE" : "FALSE");
    if (when != null) {
      p.put(time.parameter().toUpperCase(Locale.ROOT), when);
    }
    JsonNode dimensions = config.path("dimensions");
    for (String name : dimensions.propertyNames()) {
      p.put(name, dimensions.get(name).asString());
    }
    return UpstreamTiles.withParameters(base, p);
  }

  /** Degrees to 1e-9 (about 0.1 mm). */
  private static String degrees(double d) {
    return java.math.BigDecimal.valueOf(Math.round(d * 1e9) / 1e9).stripTrailingZeros().toPlainString();
  }

  /** Metres to the centimetre: enough for any tile edge, and the same text for the same tile every time. */
  private static String coordinate(double metres) {
    return java.math.BigDecimal.valueOf(Math.round(metres * 100) / 100.0).stripTrailingZeros().toPlainString();
  }

  static String withoutOwnParameters(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    StringBuilder kept = new StringBuilder(url.substring(0, q + 1));
    for (String pair : url.substring(q + 1).split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (!pair.isEmpty() && !OWN_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
        kept.append(pair).append('&');
      }
    }
    return kept.toString();
  }
}

package dev.tessera.server.proxy;

import dev.tessera.server.layer.Layer;
import dev.tessera.server.layer.SourceType;
import dev.tessera.server.tiles.TileSource;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Tile sources of WMTS layers ({@link WmtsTileSource}): from a {@code urlTemplate} (a WebMercatorQuad set whose
 * matrix identifiers are the zooms), or from the service's GetCapabilities at {@code url}, read when the source is made
 * ({@link ProxySources}: once an hour per layer version).
 */
@Component
class WmtsTiles extends ProxySources {
  WmtsTiles(UpstreamClient upstream) {
    super(SourceType.WMTS, upstream);
  }

  @Override
  TileSource create(Layer layer) {
    JsonNode config = layer.sourceConfig();
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (String name : config.path("dimensions").propertyNames()) {
      dimensions.put(name, config.path("dimensions").get(name).asString());
    }
    String format = config.path("format").asString(null);
    String style = config.path("style").asString(null);
    String set = config.path("tileMatrixSet").asString(null);
    String template = config.path("urlTemplate").asString(null);
    if (template != null) {
      Map<Integer, String> zooms = new LinkedHashMap<>();
      IntStream.rangeClosed(0, 22).forEach(z -> zooms.put(z, Integer.toString(z)));
      return new WmtsTileSource(new WmtsCapabilities(template, null, config.path("layer").asString(""),
          style == null ? "default" : style, format != null ? format : guessFormat(template),
          set == null ? "WebMercatorQuad" : set, zooms, dimensions, null), upstream);
    }
    WmtsCapabilities read = read(config.path("url").asString(), config.path("layer").asString(), set, format, style);
    return new WmtsTileSource(read.withDimensions(dimensions), upstream);
  }
  private WmtsCapabilities read(String url, String layer, String set, String format, String style) {
    // a REST capabilities document (…/WMTSCapabilities.xml) or a KVP request as given; else the KVP request
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    String base = WmsTileSource.withoutOwnParameters(url);
    URI uri = URI.create(lower.contains("request=getcapabilities") || lower.endsWith(".xml") ? url
        : UpstreamTiles.queryStart(base) + "SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0");
    UpstreamClient.Answer answer = upstream.get(uri);
    if (answer.status() != 200) {
      throw UpstreamClient.upstreamError(uri, "its capabilities answered HTTP " + answer.status());
    }
    try {
      return WmtsCapabilities.parse(answer.body(), layer, set, format, style);
    } catch (IllegalArgumentException e) {
      throw UpstreamClient.upstreamError(uri, e.getMessage());
    }
  }

  private static String guessFormat(String template) {
    String lower = template.toLowerCase(java.util.Locale.ROOT);
    return lower.contains(".jpg") || lower.contains(".jpeg") ? "image/jpeg"
        : lower.contains(".webp") ? "image/webp" : "image/png";
  }
}

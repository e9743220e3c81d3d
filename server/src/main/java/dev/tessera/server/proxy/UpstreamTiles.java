package dev.tessera.server.proxy;

import dev.tessera.server.problem.ApiException;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import java.net.URI;
import java.util.Locale;
import org.w3c.dom.Element;

/** What WMS and WMTS tile sources share: image formats, and turning a service's answer into a tile or a problem. */
final class UpstreamTiles {
  private UpstreamTiles() {}

  /** {@code url} ready for query parameters to be appended: with "?" or "&" at its end as needed. */
  static String queryStart(String url) {
    if (!url.contains("?")) {
      return url + "?";
    }
    return url.endsWith("?") || url.endsWith("&") ? url : url + "&";
  }

  /** {@code base} with {@code parameters} appended as a query, encoded, commas and colons kept as they read. */
  static URI withParameters(String base, java.util.Map<String, String> parameters) {
    StringBuilder url = new StringBuilder(queryStart(base));
    parameters.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
    url.setLength(url.length() - 1);
    return URI.create(url.toString());
  }

  /** A URL component: percent-encoded, spaces as %20, commas and colons (BBOX, EPSG:3857) as they are. */
  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
        .replace("%2C", ",").replace("%3A", ":");
  }

  /** The tile format of an image media type ({@code image/png}, {@code image/jpeg}, {@code image/png8}…). */
  static TileFormat format(String mediaType) {
    String type = mediaType == null ? "image/png" : mediaType.toLowerCase(Locale.ROOT);
    if (type.contains("jpeg") || type.contains("jpg")) {
      return TileFormat.JPEG;
    }
    return type.contains("webp") ? TileFormat.WEBP : TileFormat.PNG;
  }

  /** The media type to ask a service for. */
  static String mediaType(TileFormat format) {
    return format.mediaType().toString();
  }

  /** The tile format a URL extension asks for; 400 for extensions that are not images. */
  static TileFormat requested(String extension) {
    TileFormat format = TileFormat.image(extension);
    if (format != null) {
      return format;
    }
    throw ApiException.badRequest("unsupported_tile_format",
            "WMS and WMTS layers serve .png, .jpg and .webp tiles, not ." + extension + ".")
        .with("parameter", "format");
  }

  /**
   * The tile in a service's answer: an image as it is; nothing (204) where {@code missingIsEmpty} and the service
   * says there is no tile (WMTS: 404, 204 or a TileOutOfRange exception); otherwise 502 with what the service said.
   */
  static Tile tile(UpstreamClient.Answer answer, URI uri, boolean missingIsEmpty) {
    if (answer.status() == 200 && answer.isImage()) {
      return Tile.raw(answer.body());
    }
    if (missingIsEmpty && (answer.status() == 404 || answer.status() == 204)) {
      return null;
    }
    if (answer.isXml()) {
      String said = exceptionText(answer.body());
      if (missingIsEmpty && said.contains("TileOutOfRange")) {
        return null;
      }
      throw UpstreamClient.upstreamError(uri, "it answered HTTP " + answer.status() + ": " + said);
    }
    throw UpstreamClient.upstreamError(uri, "it answered HTTP " + answer.status() + " with "
        + (answer.mediaType().isEmpty() ? "no content type" : answer.mediaType()) + " instead of an image");
  }

  /** The code and text of a WMS ServiceException or OWS ExceptionReport, at most 300 characters. */
  static String exceptionText(byte[] xml) {
    try {
      Element root = SafeXml.parse(xml).getDocumentElement();
      StringBuilder out = new StringBuilder();
      for (String name : new String[] {"ServiceException", "Exception"}) {
        for (Element e : SafeXml.descendants(root, name)) {
          String code = e.getAttribute("exceptionCode").isEmpty() ? e.getAttribute("code") : e.getAttribute("exceptionCode");
          String text = e.getTextContent().strip().replaceAll("\\s+", " ");
          out.append(out.isEmpty() ? "" : "; ").append(code.isEmpty() ? "" : code + ": ").append(text);
        }
      }
      String said = out.isEmpty() ? "an XML document that is not an image" : out.toString();
      return said.length() > 300 ? said.substring(0, 300) + "…" : said;
    } catch (IllegalArgumentException e) {
      return "a document that is neither an image nor well-formed XML";
    }
  }
}

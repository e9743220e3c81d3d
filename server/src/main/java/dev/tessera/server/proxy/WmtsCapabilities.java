package dev.tessera.server.proxy;

import dev.tessera.engine.tile.WebMercator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What Tessera needs from a WMTS GetCapabilities document for one layer: how to ask for a tile (a REST
 * {@code ResourceURL} template, or the KVP GetTile endpoint), its style, format, dimension defaults, bounds, and a
 * tile matrix set laid out as WebMercatorQuad (EPSG:3857, 256 px tiles, 2^z × 2^z matrices from the world's top-left
 * corner) with the identifier of each zoom's matrix. Tiles of other sets would need reprojection, which Tessera does
 * not do for WMTS yet, so such a layer is refused with the sets it offers.
 *
 * @param template a REST template with {TileMatrix} {TileRow} {TileCol} and maybe {Style} {TileMatrixSet} and
 *     dimension names, or null when only KVP is offered
 * @param kvpEndpoint the GetTile KVP URL, or null
 * @param matrices zoom → tile matrix identifier, for the zooms the set has
 */
record WmtsCapabilities(String template, String kvpEndpoint, String layer, String style, String format,
    String matrixSet, Map<Integer, String> matrices, Map<String, String> dimensionDefaults, Envelope bounds) {

  private static final double WORLD = WebMercator.WORLD_SIZE_METRES;
  /** ScaleDenominator of WebMercatorQuad's zoom 0 at the standard 0.28 mm pixel. */
  private static final double ZOOM0_SCALE = 559082264.0287178;

  /**
   * Reads {@code layer}'s part of the document; {@code wantedSet} and {@code wantedFormat} choose among what it
   * offers (null: the first that fits). Throws {@link IllegalArgumentException} with a reason a user can act on.
   */
  static WmtsCapabilities parse(byte[] xml, String layer, String wantedSet, String wantedFormat, String wantedStyle) {
    Document doc = SafeXml.parse(xml);
    Element root = doc.getDocumentElement();
    if (!"Capabilities".equals(root.getLocalName())) {
      throw new IllegalArgumentException("the document is not WMTS capabilities (its root is <" + root.getLocalName()
          + ">)");
    }
    Element contents = SafeXml.child(root, "Contents");
    if (contents == null) {
      throw new IllegalArgumentException("the capabilities have no <Contents>");
    }
    Element layerElement = null;
    List<String> names = new ArrayList<>();
    for (Element l : SafeXml.children(contents, "Layer")) {
      String id = SafeXml.text(l, "Identifier");
      names.add(id);
      if (layer.equals(id)) {
        layerElement = l;
      }
    }
    if (layerElement == null) {
      throw new IllegalArgumentException("the service has no layer '" + layer + "' (it has " + names + ")");
    }
    String style = wantedStyle != null ? wantedStyle : defaultStyle(layerElement);
    List<String> formats = SafeXml.children(layerElement, "Format").stream().map(e -> e.getTextContent().strip()).toList();
    String format = wantedFormat != null ? wantedFormat : formats.isEmpty() ? "image/png" : formats.getFirst();

    Map<String, Element> sets = new LinkedHashMap<>();
    for (Element s : SafeXml.children(contents, "TileMatrixSet")) {
      sets.put(SafeXml.text(s, "Identifier"), s);
    }
    List<String> linked = new ArrayList<>();
    for (Element link : SafeXml.children(layerElement, "TileMatrixSetLink")) {
      linked.add(SafeXml.text(link, "TileMatrixSet"));
    }
    String chosen = null;
    Map<Integer, String> matrices = null;
    for (String id : linked) {
      if ((wantedSet == null || wantedSet.equals(id)) && sets.containsKey(id)) {
        Map<Integer, String> m = webMercatorMatrices(sets.get(id));
        if (m != null) {
          chosen = id;
          matrices = m;
          break;
        }
      }
    }
    if (chosen == null) {
      throw new IllegalArgumentException("layer '" + layer + "' offers no tile matrix set laid out as WebMercatorQuad"
          + (wantedSet == null ? "" : " named '" + wantedSet + "'") + " (it offers " + linked
          + "); Tessera does not reproject WMTS tiles yet");
    }

    String template = null;
    for (Element r : SafeXml.children(layerElement, "ResourceURL")) {
      if ("tile".equals(r.getAttribute("resourceType"))
          && (template == null || format.equals(r.getAttribute("format")))) {
        template = r.getAttribute("template");
      }
    }
    String kvp = kvpEndpoint(root);
    if (template == null && kvp == null) {
      throw new IllegalArgumentException("the service names neither a tile ResourceURL nor a GetTile endpoint");
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (Element d : SafeXml.children(layerElement, "Dimension")) {
      String def = SafeXml.text(d, "Default");
      if (def != null) {
        dimensions.put(SafeXml.text(d, "Identifier"), def);
      }
    }
    return new WmtsCapabilities(template, kvp, layer, style, format, chosen, matrices, dimensions, bounds(layerElement));
  }

  /** The same, with {@code values} given to dimensions (the layer's configured ones win over the defaults). */
  WmtsCapabilities withDimensions(Map<String, String> values) {
    Map<String, String> merged = new LinkedHashMap<>(dimensionDefaults);
    merged.putAll(values);
    return new WmtsCapabilities(template, kvpEndpoint, layer, style, format, matrixSet, matrices, merged, bounds);
  }

  private static String defaultStyle(Element layer) {
    String first = null;
    for (Element s : SafeXml.children(layer, "Style")) {
      String id = SafeXml.text(s, "Identifier");
      if ("true".equals(s.getAttribute("isDefault"))) {
        return id;
      }
      first = first == null ? id : first;
    }
    return first == null ? "default" : first;
  }

  /**
   * Zoom → identifier when every matrix of the set is a WebMercatorQuad zoom level (256 px tiles, the world's
   * top-left corner, 2^z columns, the matching scale); null otherwise.
   */
  private static Map<Integer, String> webMercatorMatrices(Element set) {
    String crs = String.valueOf(SafeXml.text(set, "SupportedCRS"));
    if (!crs.matches(".*\\b(3857|900913|102100|3785)$")) {
      return null;
    }
    Map<Integer, String> out = new LinkedHashMap<>();
    for (Element m : SafeXml.children(set, "TileMatrix")) {
      String[] corner = String.valueOf(SafeXml.text(m, "TopLeftCorner")).trim().split("\\s+");
      if (corner.length != 2 || !"256".equals(SafeXml.text(m, "TileWidth"))
          || !"256".equals(SafeXml.text(m, "TileHeight"))) {
        return null;
      }
      double x = Double.parseDouble(corner[0]);
      double y = Double.parseDouble(corner[1]);
      if (Math.abs(x + WORLD / 2) > 1 || Math.abs(y - WORLD / 2) > 1) {
        return null;
      }
      long width = Long.parseLong(SafeXml.text(m, "MatrixWidth"));
      int z = Long.numberOfTrailingZeros(width);
      double scale = Double.parseDouble(SafeXml.text(m, "ScaleDenominator"));
      if (Long.bitCount(width) != 1 || z > 24 || Math.abs(scale / (ZOOM0_SCALE / (1L << z)) - 1) > 0.01) {
        return null;
      }
      out.put(z, SafeXml.text(m, "Identifier"));
    }
    return out.isEmpty() ? null : out;
  }

  private static String kvpEndpoint(Element root) {
    Element ops = SafeXml.child(root, "OperationsMetadata");
    if (ops == null) {
      return null;
    }
    for (Element op : SafeXml.children(ops, "Operation")) {
      if ("GetTile".equals(op.getAttribute("name"))) {
        for (Element get : SafeXml.descendants(op, "Get")) {
          String href = get.getAttributeNS("http://www.w3.org/1999/xlink", "href");
          if (!href.isEmpty()) {
            return href;
          }
        }
      }
    }
    return null;
  }

  private static Envelope bounds(Element layer) {
    Element box = SafeXml.child(layer, "WGS84BoundingBox");
    if (box == null) {
      return null;
    }
    String[] lower = String.valueOf(SafeXml.text(box, "LowerCorner")).trim().split("\\s+");
    String[] upper = String.valueOf(SafeXml.text(box, "UpperCorner")).trim().split("\\s+");
    if (lower.length != 2 || upper.length != 2) {
      return null;
    }
    return new Envelope(Double.parseDouble(lower[0]), Double.parseDouble(upper[0]), Double.parseDouble(lower[1]),
        Double.parseDouble(upper[1]));
  }
}

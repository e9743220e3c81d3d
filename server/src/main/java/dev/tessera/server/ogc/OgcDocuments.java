package dev.tessera.server.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON documents of OGC API – Features Part 1 (landing page, conformance, collections). Member names are the
 * standard's camelCase, spelled out with {@code @JsonProperty} because the application maps with snake_case.
 */
final class OgcDocuments {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

  private OgcDocuments() {}

  /** A web link (RFC 8288) as OGC API writes it; {@code type} and {@code title} are left out when null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Link(String href, String rel, String type, String title) {
    Link {
      if (href == null || rel == null) {
        throw new IllegalArgumentException("a link needs href and rel");
      }
    }
  }

  record LandingPage(String title, String description, List<Link> links) {}

  record Conformance(@JsonProperty("conformsTo") List<String> conformsTo) {}

  record Collections(List<Link> links, List<Collection> collections) {}

  /** One feature collection (a vector layer); {@code description} and {@code extent} are left out when unknown. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Collection(
      String id,
      String title,
      String description,
      Extent extent,
      @JsonProperty("itemType") String itemType,
      List<String> crs,
      List<Link> links) {}

  record Extent(SpatialExtent spatial) {}

  /** @param bbox one box per area, each [minLon, minLat, maxLon, maxLat] in {@code crs} */
  record SpatialExtent(List<double[]> bbox, String crs) {}
}

package dev.tessera.server.api;

import dev.tessera.server.api.Rule.Role;
import java.util.List;

/**
 * The authorization matrix: every endpoint, and what each kind of caller gets from it on a private, a collaborators
 * and a public map. {@link AuthorizationMatrixIT} runs every row and fails when an endpoint has no row.
 *
 * <p>Each row names Spring's path pattern (to match the handler mappings) and a request path with fixture
 * placeholders: {@code {map}} (owned by the owner, with an edit and a view collaborator), {@code {layer}} (a vector
 * layer created by the owner, {@code editable = everyone}, placed on the map only), {@code {feature}} (in it),
 * {@code {globalLayer}} (in the library, not on the map), {@code {comment}} (by the view collaborator, on the map),
 * {@code {viewerId}}, {@code {otherId}}, {@code {otherEmail}} (not a user yet) and {@code {myToken}} (a token id of the calling user). To add an
 * endpoint, add a row with one of the rules in {@link Rule}.
 */
final class AuthorizationMatrix {
  private AuthorizationMatrix() {}

  static final String FEATURE_BODY =
      """
      {"type": "Feature", "geometry": {"type": "Point", "coordinates": [4, 52]}, "properties": {"n": 2}}""";

  static final List<Row> ROWS =
      List.of(
          // operations and documents that do not depend on any map
          Row.get("/health", Rule.anyone(200)),
          Row.get("/ready", Rule.anyone(200)),
          Row.post("/api/auth/login", "{\"email\": \"owner@matrix.test\", \"password\": \"password-123\"}", Rule.anyone(200)),
          Row.get("/api/users/me", Rule.signedIn(200)),
          Row.get("/api/users/me/tokens", Rule.signedIn(200)),
          Row.post("/api/users/me/tokens", "{\"name\": \"t\"}", Rule.signedIn(201)),
          Row.delete("/api/users/me/tokens/{tokenId}", "/api/users/me/tokens/{myToken}", Rule.signedIn(204)),
          Row.get("/ogc", Rule.anyone(200)),
          Row.get("/ogc/conformance", Rule.anyone(200)),
          Row.get("/ogc/collections", Rule.anyone(200)).listing("{layer}"),
          Row.get("/ogc/tileMatrixSets", Rule.anyone(200)),
          Row.get("/ogc/tileMatrixSets/{tileMatrixSetId}", "/ogc/tileMatrixSets/WebMercatorQuad", Rule.anyone(200)),
          // the built-in basemap and the web app's pages (the same index.html for everyone; data comes from the API)
          Row.get("/api/basemap/style.json", Rule.anyone(200)),
          Row.get("/api/basemap/tiles/{z}/{x}/{y}.{format}", "/api/basemap/tiles/0/0/0.mvt", Rule.anyone(200)),
          Row.get("/login", Rule.anyone(200)),
          Row.get("/maps", Rule.anyone(200)),
          Row.get("/maps/{id}", "/maps/{map}", Rule.anyone(200)),
          Row.get("/places", Rule.anyone(200)),
          // maps
          Row.get("/api/maps", Rule.anyone(200)).listing("{map}"),
          Row.post("/api/maps", "{\"name\": \"new\"}", Rule.signedIn(201)),
          Row.get("/api/maps/{id}", "/api/maps/{map}", Rule.viewers(200)),
          Row.put("/api/maps/{id}", "/api/maps/{map}", "{\"name\": \"renamed\"}", Rule.editors(200)),
          Row.delete("/api/maps/{id}", "/api/maps/{map}", Rule.owner(204)),
          Row.post("/api/maps/{id}/layers", "/api/maps/{map}/layers", "{\"layer_id\": \"{globalLayer}\"}", Rule.editors(201)),
          Row.put("/api/maps/{id}/layers/reorder", "/api/maps/{map}/layers/reorder", "{\"layer_ids\": [\"{layer}\"]}",
              Rule.editors(200)),
          Row.put("/api/maps/{id}/layers/{layerId}", "/api/maps/{map}/layers/{layer}", "{\"opacity\": 0.5}", Rule.editors(200)),
          Row.delete("/api/maps/{id}/layers/{layerId}", "/api/maps/{map}/layers/{layer}", Rule.editors(204)),
          Row.get("/api/maps/{id}/style.json", "/api/maps/{map}/style.json", Rule.viewers(200)),
          // layers, reachable through the map only
          Row.get("/api/layers", Rule.anyone(200)).listing("{layer}"),
          Row.post("/api/layers", "{\"name\": \"l\", \"source_type\": \"vector\", \"source_config\": {}}", Rule.signedIn(201)),
          Row.get("/api/layers/{id}", "/api/layers/{layer}", Rule.viewers(200)),
          Row.put("/api/layers/{id}", "/api/layers/{layer}", "{\"name\": \"renamed\"}", Rule.editors(200)),
          Row.delete("/api/layers/{id}", "/api/layers/{layer}", Rule.owner(204)),
          // features, import and export
          Row.get("/api/layers/{layerId}/features", "/api/layers/{layer}/features", Rule.viewers(200)),
          Row.post("/api/layers/{layerId}/features", "/api/layers/{layer}/features", FEATURE_BODY, Rule.editors(201)),
          Row.post("/api/layers/{layerId}/import", "/api/layers/{layer}/import", FEATURE_BODY, Rule.editors(201)),
          Row.get("/api/layers/{layerId}/features/{featureId}", "/api/layers/{layer}/features/{feature}", Rule.viewers(200)),
          Row.put("/api/layers/{layerId}/features/{featureId}", "/api/layers/{layer}/features/{feature}", FEATURE_BODY,
              Rule.editors(200)),
          Row.delete("/api/layers/{layerId}/features/{featureId}", "/api/layers/{layer}/features/{feature}",
              Rule.editors(204)),
          Row.get("/api/layers/{layerId}/export", "/api/layers/{layer}/export", Rule.viewers(200)),
          Row.get("/api/layers/{layerId}/import", "/api/layers/{layer}/import", Rule.viewers(200)),
          // the places API over the same layers (a dataset the caller may not see is unknown: 404)
          Row.get("/api/v1/places", "/api/v1/places?bbox=-180,-90,180,90&zoom=2&datasets={layer}", Rule.viewers(200)),
          // The fixture layer holds one point, so no cluster exists: viewers get 404 cluster_not_found, others 404.
          Row.get("/api/v1/places/clusters/{clusterId}/children", "/api/v1/places/clusters/{layer}.1/children",
              Rule.anyone(404)),
          Row.get("/api/v1/places/clusters/{clusterId}/leaves", "/api/v1/places/clusters/{layer}.1/leaves",
              Rule.anyone(404)),
          // tiles and tile documents
          Row.get("/api/layers/{id}/tiles/{z}/{x}/{y}.{format}", "/api/layers/{layer}/tiles/0/0/0.mvt", Rule.viewers(200)),
          Row.get("/api/layers/{id}/tilejson.json", "/api/layers/{layer}/tilejson.json", Rule.viewers(200)),
          // geotiff (COG) endpoints: {layer} is a vector layer, so whoever sees it gets 400, others 404
          Row.get("/api/layers/{id}/info", "/api/layers/{layer}/info", Rule.viewers(400)),
          Row.get("/api/layers/{id}/statistics", "/api/layers/{layer}/statistics", Rule.viewers(400)),
          Row.get("/api/layers/{id}/preview", "/api/layers/{layer}/preview", Rule.viewers(400)),
          Row.get("/api/layers/{id}/preview.{format}", "/api/layers/{layer}/preview.png", Rule.viewers(400)),
          Row.get("/api/layers/{id}/point", "/api/layers/{layer}/point?lon=4&lat=52", Rule.viewers(400)),
          Row.get("/api/layers/{id}/cog", "/api/layers/{layer}/cog", Rule.viewers(400)),
          Row.post("/api/layers/{id}/export.pmtiles", "/api/layers/{layer}/export.pmtiles?maxzoom=1", "",
              Rule.viewersSignedIn(200)),
          // OGC API over the same layers
          Row.get("/ogc/collections/{collectionId}", "/ogc/collections/{layer}", Rule.viewers(200)),
          Row.get("/ogc/collections/{collectionId}/items", "/ogc/collections/{layer}/items", Rule.viewers(200)),
          Row.get("/ogc/collections/{collectionId}/items/{featureId}", "/ogc/collections/{layer}/items/{feature}",
              Rule.viewers(200)),
          Row.get("/ogc/collections/{collectionId}/tiles", "/ogc/collections/{layer}/tiles", Rule.viewers(200)),
          Row.get("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}",
              "/ogc/collections/{layer}/tiles/WebMercatorQuad", Rule.viewers(200)),
          Row.get("/ogc/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
              "/ogc/collections/{layer}/tiles/WebMercatorQuad/0/0/0", Rule.viewers(200)),
          // users and sharing
          Row.post("/api/users", "{\"email\": \"{otherEmail}\", \"name\": \"n\", \"password\": \"password-123\"}",
              Rule.admins()),
          Row.get("/api/users/me/invitations", Rule.signedIn(200)),
          Row.get("/api/maps/{id}/collaborators", "/api/maps/{map}/collaborators", Rule.members(200)),
          Row.post("/api/maps/{id}/collaborators", "/api/maps/{map}/collaborators",
              "{\"user_id\": \"{otherId}\", \"permission\": \"view\"}", Rule.owner(201)),
          Row.post("/api/maps/{id}/collaborators/accept", "/api/maps/{map}/collaborators/accept", "",
              (role, level) -> switch (role) {
                case ANONYMOUS -> 401;
                case EDITOR, VIEWER -> 200;
                default -> 404; // no invitation (or no visible map) to accept
              }),
          Row.delete("/api/maps/{id}/collaborators/{userId}", "/api/maps/{map}/collaborators/{viewerId}",
              (role, level) -> role == Role.VIEWER ? 204 : Rule.owner(204).expected(role, level)),
          // comments ({comment} is the view collaborator's, on the map)
          Row.get("/api/comments", "/api/comments?mapId={map}", Rule.viewers(200)),
          Row.post("/api/comments", "{\"map_id\": \"{map}\", \"content\": \"hello\"}", Rule.viewersSignedIn(201)),
          Row.put("/api/comments/{id}", "/api/comments/{comment}", "{\"content\": \"edited\"}",
              (role, level) -> role == Role.VIEWER ? 200 : Rule.owner(403).expected(role, level)),
          Row.delete("/api/comments/{id}", "/api/comments/{comment}",
              (role, level) -> role == Role.VIEWER ? 204 : Rule.owner(204).expected(role, level)),
          // the identity provider's user sync: signed, not signed in; a request without a valid signature is refused
          Row.post("/api/webhooks/users", "{\"type\": \"user.deleted\", \"data\": {\"id\": \"x\"}}", Rule.anyone(401)),
          // live updates
          Row.get("/api/maps/{id}/events", "/api/maps/{map}/events", Rule.viewers(200)).streaming());
}

package dev.tessera.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tessera's own settings ({@code tessera.*}). Each has an environment variable; see docs/configuration.md.
 *
 * @param dataDir directory of the embedded store and default files root ({@code DATA_DIR})
 * @param databaseUrl PostgreSQL/PostGIS URL; empty selects the embedded H2GIS store ({@code DATABASE_URL})
 * @param filesRoot the only directory local raster/archive sources may be read from ({@code FILES_ROOT})
 * @param limits request size and paging limits
 * @param admin first administrator, created on first start
 * @param demo demo content on a new embedded store
 * @param cache the in-process tile cache
 * @param tiles tile rendering and HTTP caching
 * @param cors which web origins may call the API
 * @param outbound which internal networks Tessera may send requests to
 * @param archives PMTiles and MBTiles archives served by pmtiles layers
 * @param places the places viewport API: clustering, limits, answer cache
 * @param identity sign-in through an OIDC identity provider and its user sync webhook
 */
@Validated
@ConfigurationProperties(prefix = "tessera", ignoreUnknownFields = false)
public record TesseraProperties(
    @NotNull Path dataDir,
    String databaseUrl,
    @NotNull Path filesRoot,
    @Valid @NotNull Limits limits,
    @Valid @NotNull Admin admin,
    @Valid @NotNull Demo demo,
    @Valid @NotNull Cache cache,
    @Valid @NotNull Tiles tiles,
    @Valid @NotNull Cors cors,
    @Valid @NotNull Outbound outbound,
    @Valid @NotNull Archives archives,
    @Valid @NotNull Identity identity,
    @Valid @NotNull Cogs cogs,
    @Valid @NotNull Places places) {

  /**
   * @param maxBodyBytes largest JSON request body accepted ({@code MAX_BODY_SIZE}); larger answers 413
   * @param maxImportBytes largest feature import body ({@code MAX_IMPORT_SIZE}); larger answers 413
   * @param maxPageSize largest {@code limit} accepted when listing features
   */
  public record Limits(@Min(1024) long maxBodyBytes, @Min(1024) long maxImportBytes, @Min(1) int maxPageSize) {}

  /**
   * @param email the first admin's email ({@code ADMIN_EMAIL})
   * @param password the first admin's password ({@code ADMIN_PASSWORD}); generated and shown once if empty
   * @param token an API token for automation ({@code ADMIN_TOKEN}); generated and shown once if empty
   */
  public record Admin(@NotBlank String email, String password, String token) {}

  /** @param enabled create the North Sea demo map on a new embedded store ({@code DEMO_CONTENT}) */
  public record Demo(boolean enabled) {}

  /**
   * @param size most tiles kept ({@code CACHE_SIZE})
   * @param ttlSeconds how long a tile is kept after it was rendered ({@code CACHE_TTL})
   * @param maxBytes most bytes of tiles kept ({@code CACHE_MAX_BYTES}); whichever bound is reached first applies
   * @param maxIndexVertices most vertices of in-memory vector tile indexes kept across layers
   *     ({@code TILE_INDEX_MAX_VERTICES})
   */
  public record Cache(@Min(0) int size, @Min(1) long ttlSeconds, @Min(0) long maxBytes, @Min(1) long maxIndexVertices) {}

  /**
   * @param buffer tile buffer in tile units of a 4096 extent ({@code TILE_BUFFER})
   * @param maxAgeSeconds Cache-Control max-age of tiles requested with the layer version in the URL ({@code
   *     TILE_MAX_AGE}); tiles requested without it must be revalidated by ETag
   */
  public record Tiles(@Min(0) int buffer, @Min(0) long maxAgeSeconds) {}

  /** @param allowedOrigins comma-separated origins allowed by CORS, or {@code *} ({@code ALLOWED_ORIGINS}) */
  public record Cors(@NotBlank String allowedOrigins) {}

  /**
   * @param allowedNetworks comma-separated CIDR blocks of loopback/private/link-local addresses that layer URLs may
   *     nevertheless point at ({@code OUTBOUND_ALLOWED_NETWORKS}, default none); public addresses are always allowed
   */
  public record Outbound(String allowedNetworks) {}

  /**
   * @param maxOpen most archives kept open at once ({@code ARCHIVES_MAX_OPEN}); the least used is closed first
   * @param httpTimeoutSeconds connect timeout for archives read over HTTP(S) ({@code ARCHIVES_HTTP_TIMEOUT})
   */
  public record Archives(@Min(1) int maxOpen, @Min(1) long httpTimeoutSeconds) {}

  /**
   * @param clusterMaxZoom finest zoom answered with clusters; from the next zoom on every point stands alone
   *     ({@code PLACES_CLUSTER_MAX_ZOOM}, supercluster's maxZoom)
   * @param clusterRadius cluster radius in pixels of a 512-pixel tile ({@code PLACES_CLUSTER_RADIUS})
   * @param clusterMinPoints fewest points that make a cluster ({@code PLACES_CLUSTER_MIN_POINTS})
   * @param defaultLimit items per dataset when the request names no {@code limit}
   * @param maxLimit largest {@code limit} accepted ({@code PLACES_MAX_LIMIT})
   * @param cacheMaxBytes most bytes of encoded answers kept ({@code PLACES_CACHE_MAX_BYTES}); 0 disables the cache
   * @param cacheTtlLowZoomSeconds how long answers below {@code cacheZoomSplit} are kept ({@code PLACES_CACHE_TTL_LOW})
   * @param cacheTtlHighZoomSeconds how long answers at or above it are kept ({@code PLACES_CACHE_TTL_HIGH})
   * @param cacheZoomSplit the zoom that separates the two TTLs
   */
  public record Places(
      @Min(0) @Max(24) int clusterMaxZoom,
      @Min(1) int clusterRadius,
      @Min(2) int clusterMinPoints,
      @Min(1) int defaultLimit,
      @Min(1) int maxLimit,
      @Min(0) long cacheMaxBytes,
      @Min(1) long cacheTtlLowZoomSeconds,
      @Min(1) long cacheTtlHighZoomSeconds,
      @Min(0) int cacheZoomSplit) {}

  /**
   * @param oidcIssuer the identity provider's issuer URL ({@code OIDC_ISSUER}); empty disables OIDC bearer tokens.
   *     Tokens must carry it as {@code iss}; its JWKS is found by OIDC discovery unless {@code oidcJwksUrl} is set
   * @param oidcAudience the audience tokens must name in {@code aud} ({@code OIDC_AUDIENCE}); empty checks none
   * @param oidcJwksUrl the issuer's JWKS URL ({@code OIDC_JWKS_URL}), where discovery is not wanted
   * @param webhookSecret the user sync webhook's Svix signing secret, {@code whsec_…} ({@code WEBHOOK_SECRET}); empty
   *     disables the webhook
   */
  public record Identity(String oidcIssuer, String oidcAudience, String oidcJwksUrl, String webhookSecret) {
    public boolean oidcEnabled() {
      return oidcIssuer != null && !oidcIssuer.isBlank();
    }
  }

  /**
   * @param blockCacheBytes most bytes of decoded COG tiles kept, shared by every geotiff layer ({@code
   *     COG_CACHE_BYTES}); 0 turns the cache off
   * @param s3Endpoint an S3-compatible endpoint for {@code s3://} COGs ({@code COG_S3_ENDPOINT}, path-style
   *     addressing), empty for AWS itself; credentials and region come from the AWS SDK's default chains
   */
  public record Cogs(@Min(0) long blockCacheBytes, String s3Endpoint) {}

  public boolean embedded() {
    return databaseUrl == null || databaseUrl.isBlank();
  }
}

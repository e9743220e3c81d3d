package dev.tessera.server.tiles.cog;

import io.tileverse.rangereader.RangeReader;
import io.tileverse.rangereader.cache.CachingRangeReader;
import io.tileverse.rangereader.s3.S3RangeReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Range readers for {@code s3://bucket/key} COGs: Tileverse's S3 range reader on one shared AWS SDK client, built on
 * first use with the SDK's default credentials chain (environment, system properties, profile, container or
 * instance role) and region chain (us-east-1 when none is configured), and, for S3-compatible stores such as MinIO,
 * {@code COG_S3_ENDPOINT} with path-style addressing. The endpoint is operator configuration, so it is not subject to
 * the outbound policy. Thread-safe.
 */
final class S3Cogs {
  private final String endpoint;
  private final int blockBytes;
  private S3Client client;

  S3Cogs(String endpoint, int blockBytes) {
    this.endpoint = endpoint == null ? "" : endpoint.strip();
    this.blockBytes = blockBytes;
  }

  RangeReader reader(String location) {
    try {
      RangeReader s3 = S3RangeReader.builder().s3Client(client()).uri(URI.create(location)).build();
      return CachingRangeReader.builder(s3).blockSize(blockBytes).withHeaderBuffer().build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized S3Client client() {
    if (client == null) {
      var builder = S3Client.builder()
          .httpClient(ApacheHttpClient.create())
          .credentialsProvider(DefaultCredentialsProvider.builder().build())
          .region(region());
      if (!endpoint.isEmpty()) {
        builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
      }
      client = builder.build();
    }
    return client;
  }

  private static Region region() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException none) {
      return Region.US_EAST_1;
    }
  }
}

package dev.tessera.engine.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LargeCollectionStreamingTest {
  private static final int FEATURES = 50_000;

  /**
   * Produces a FeatureCollection of {@code count} small polygons, generating each feature's bytes only when the reader
   * asks for them, so the whole document never exists at once.
   */
  private static final class GeneratedCollection extends InputStream {
    private final int count;
    private int nextFeature;
    private byte[] chunk = "{\"type\":\"FeatureCollection\",\"name\":\"generated\",\"features\":["
        .getBytes(StandardCharsets.UTF_8);
    private int pos;
    private boolean finished;
    private long produced;

    GeneratedCollection(int count) {
      this.count = count;
    }

    long bytesProduced() {
      return produced;
    }

    private boolean refill() {
      if (pos < chunk.length) {
        return true;
      }
      if (finished) {
        return false;
      }
      String text;
      if (nextFeature < count) {
        int i = nextFeature++;
        double lon = -170 + (i % 340);
        double lat = -80 + (i % 160) * 0.5;
        text = (i == 0 ? "" : ",") + "{\"type\":\"Feature\",\"id\":" + i + ",\"properties\":{\"i\":" + i
            + ",\"name\":\"feature " + i + "\",\"tags\":[\"a\",true,null]},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[" + lon + "," + lat + "],[" + (lon + 0.1) + "," + lat + "],[" + (lon + 0.1) + ","
            + (lat + 0.1) + "],[" + lon + "," + lat + "]]]}}";
      } else {
        text = "],\"numberMatched\":" + count + "}";
        finished = true;
      }
      chunk = text.getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }

    @Override
    public int read() {
      if (!refill()) {
        return -1;
      }
      produced++;
      return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (!refill()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      produced += n;
      return n;
    }
  }

  @Test
  void fiftyThousandFeaturesStreamFromALazilyGeneratedDocument() {
    GeneratedCollection in = new GeneratedCollection(FEATURES);
    long count = 0;
    GeoJsonFeature last = null;
    try (GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(in)) {
      assertThat(reader.hasNext()).isTrue();
      GeoJsonFeature first = reader.next();
      count++;
      // The first feature was available after a few kilobytes of a multi-megabyte document.
      assertThat(in.bytesProduced()).isLessThan(64 * 1024);
      assertThat(first.propertiesJson()).isEqualTo("{\"i\":0,\"name\":\"feature 0\",\"tags\":[\"a\",true,null]}");
      while (reader.hasNext()) {
        last = reader.next();
        count++;
      }
      assertThat(reader.featuresRead()).isEqualTo(FEATURES);
    }

    assertThat(count).isEqualTo(FEATURES);
    assertThat(in.bytesProduced()).isGreaterThan(FEATURES * 150L);
    assertThat(last.propertiesJson()).startsWith("{\"i\":49999,");
    assertThat(last.geometry().getGeometryType()).isEqualTo("Polygon");
    assertThat(last.geometry().isValid()).isTrue();
  }
}

package dev.tessera.server.tiles.basemap;

import dev.tessera.engine.geojson.GeoJsonFeature;
import dev.tessera.engine.geojson.GeoJsonFeatureReader;
import dev.tessera.engine.tile.TileCoord;
import dev.tessera.engine.vector.SourceFeature;
import dev.tessera.engine.vector.TilerOptions;
import dev.tessera.engine.vector.VectorTileIndex;
import dev.tessera.server.tiles.Tile;
import dev.tessera.server.tiles.TileFormat;
import dev.tessera.server.tiles.TileSetInfo;
import dev.tessera.server.tiles.TileSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The built-in basemap: land and country borders (Natural Earth 1:50m via the npm {@code world-atlas} package, turned
 * into GeoJSON by the web module's build) cut into vector tiles by the same {@link VectorTileIndex} that serves vector
 * layers. Each MVT layer comes from its own index; their encoded tiles are concatenated, which protobuf defines as
 * the merge of the two messages (one tile with both layers). Built once, in the background after start; thread-safe.
 */
@Component
public class BasemapSource implements TileSource {
  /** The MVT layers, as the basemap style names them. */
  public static final List<String> LAYERS = List.of("land", "borders");

  /** Past this zoom the client over-zooms: 1:50m data has nothing finer to show. */
  public static final int MAX_ZOOM = 10;

  private volatile Map<String, VectorTileIndex> indexes;

  /**
   * Builds the indexes once the server is up (about 6 s of one core on 2 cores), on a low-priority platform thread so
   * request threads keep the CPU, and so the first map a person opens does not wait for it.
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    if (!available()) {
      return;
    }
    Thread thread = new Thread(this::indexes, "basemap-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** Whether the basemap data is on the classpath (it is unless the web module was left out of the build). */
  public boolean available() {
    return LAYERS.stream().allMatch(name -> resource(name).exists());
  }

  @Override
  public TileFormat format() {
    return TileFormat.MVT;
  }

  @Override
  public Tile tile(TileCoord coord) {
    var out = new ByteArrayOutputStream();
    indexes()
        .forEach(
            (name, index) -> {
              byte[] layer = index.tile(coord, name);
              if (layer != null) {
                out.writeBytes(layer);
              }
            });
    return Tile.raw(out.toByteArray());
  }

  @Override
  public TileSetInfo info() {
    return new TileSetInfo(new Envelope(-180, 180, -85.05, 85.05), 0, MAX_ZOOM, null);
  }

  private Map<String, VectorTileIndex> indexes() {
    Map<String, VectorTileIndex> built = indexes;
    if (built == null) {
      synchronized (this) {
        built = indexes;
        if (built == null) {
          built = new LinkedHashMap<>();
          for (String name : LAYERS) {
            built.put(name, VectorTileIndex.build(read(name), TilerOptions.defaults()));
          }
          indexes = built;
        }
      }
    }
    return built;
  }

  private static List<SourceFeature> read(String name) {
    List<SourceFeature> features = new ArrayList<>();
    // Natural Earth has a few self-touching rings: repair rather than reject them.
    try (InputStream in = resource(name).getInputStream();
        GeoJsonFeatureReader reader = GeoJsonFeatureReader.open(in, true)) {
      while (reader.hasNext()) {
        GeoJsonFeature feature = reader.next();
        features.add(new SourceFeature(features.size() + 1, feature.geometry(), "{}"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the basemap's " + name, e);
    }
    return features;
  }

  private static ClassPathResource resource(String name) {
    return new ClassPathResource("basemap/" + name + ".geojson");
  }
}

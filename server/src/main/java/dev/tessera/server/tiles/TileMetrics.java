package dev.tessera.server.tiles;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The tile metrics the alert rules of the deployment guide expect: {@code tile_request_duration_seconds}
 * (histogram), {@code tile_request_total} and {@code tile_request_errors_total}, labelled by layer type.
 */
@Component
class TileMetrics {
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  TileMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  Timer.Sample start() {
    return Timer.start(registry);
  }

  void served(Timer.Sample sample, String layerType, String outcome) {
    // Looked up once per label pair: building a meter id per request showed in the cached-tile profile.
    sample.stop(timers.computeIfAbsent(layerType + "/" + outcome, k ->
        Timer.builder("tile.request.duration")
            .description("Time to answer a tile request")
            .tag("layer_type", layerType)
            .tag("outcome", outcome)
            .publishPercentileHistogram()
            .register(registry)));
    counters.computeIfAbsent(layerType, k -> Counter.builder("tile.request").tag("layer_type", layerType)
        .register(registry)).increment();
  }

  void failed(Timer.Sample sample, String layerType, String code) {
    served(sample, layerType, "error");
    Counter.builder("tile.request.errors").tag("layer_type", layerType).tag("code", code).register(registry).increment();
  }
}

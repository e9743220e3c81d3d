package dev.tessera.server.live;

import dev.tessera.server.map.MapRepository;
import dev.tessera.server.map.WebMap;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance, by map. An {@link SseEmitter} is asynchronous: no thread waits for a
 * client between events, so thousands of idle streams cost memory, not threads. Events are sent on one delivery
 * thread, in order; a heartbeat comment every {@link #HEARTBEAT} keeps proxies from closing idle streams and finds
 * clients that went away (the write after their close fails, so within two beats) and drops them, as do completion,
 * time-out and errors. A change of who may see a map ({@link #ACCESS_CHANGES}) re-checks every stream of that map and
 * closes those that lost access (without the event); a deleted map's streams get {@code map_deleted} and end.
 * Streams are closed before the web server's graceful shutdown waits for requests.
 * Thread-safe.
 */
@Component
class MapEventStreams implements SmartLifecycle {
  static final Set<String> ACCESS_CHANGES =
      Set.of("map_updated", "map_deleted", "collaborator_removed", "collaborators_changed");
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  static final Duration HEARTBEAT = Duration.ofSeconds(10);
  private static final int MAX_REPLAY = 1000;

  private final ConcurrentMap<UUID, Set<Subscriber>> byMap = new ConcurrentHashMap<>();
  private final MapRepository maps;
  private final AccessPolicy access;
  private final MapEventLog log;
  private final ExecutorService delivery =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("map-events-delivery").factory());
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("map-events-heartbeat").factory());
  private volatile boolean running;

  MapEventStreams(MapRepository maps, AccessPolicy access, MapEventLog log, MeterRegistry meters) {
    this.maps = maps;
    this.access = access;
    this.log = log;
    Gauge.builder("map_event_streams", byMap, m -> m.values().stream().mapToInt(Set::size).sum())
        .description("Open server-sent event streams of maps on this instance")
        .register(meters);
  }

  /**
   * A new stream of the map's events for a caller already allowed to see it; with {@code lastEventId}, first the
   * events after it (or a {@code reset} event when they are no longer kept, so the client reloads the map).
   */
  SseEmitter subscribe(Caller caller, UUID mapId, Long lastEventId) {
    var subscriber = new Subscriber(caller, mapId, new SseEmitter(TIMEOUT.toMillis()));
    subscriber.emitter.onCompletion(() -> remove(subscriber));
    subscriber.emitter.onTimeout(() -> remove(subscriber));
    subscriber.emitter.onError(e -> remove(subscriber));
    // Registered before the replay is read, so nothing committed in between is lost; sends skip what was sent.
    byMap.computeIfAbsent(mapId, k -> ConcurrentHashMap.newKeySet()).add(subscriber);
    synchronized (subscriber) {
      subscriber.comment("stream of map " + mapId);
      if (lastEventId != null) {
        // The last event the client saw is gone and older than anything kept: what followed may be gone too.
        if (log.find(lastEventId).isEmpty() && log.oldestId().orElse(Long.MAX_VALUE) > lastEventId) {
          subscriber.send(new MapEvent(lastEventId, mapId, "reset", "{}", null), true);
        }
        List<MapEvent> missed = log.after(mapId, lastEventId, MAX_REPLAY + 1);
        if (missed.size() > MAX_REPLAY) {
          // Too much to replay: the client reloads the map instead.
          subscriber.send(new MapEvent(missed.getLast().id(), mapId, "reset", "{}", null), true);
        } else {
          missed.forEach(subscriber::send);
        }
      }
    }
    return subscriber.emitter;
  }

  /** Delivers on the delivery thread, so the committing request does not wait for clients. */
  void deliverLater(MapEvent event) {
    delivery.execute(() -> deliver(event));
  }

  boolean watched(UUID mapId) {
    return byMap.containsKey(mapId);
  }

  void deliver(MapEvent event) {
    Set<Subscriber> subscribers = byMap.get(event.mapId());
    if (subscribers == null) {
      return;
    }
    WebMap map = null;
    boolean recheck = ACCESS_CHANGES.contains(event.type());
    if (recheck) {
      map = maps.findById(event.mapId()).orElse(null);
    }
    for (Subscriber subscriber : subscribers) {
      if (recheck && map == null) {
        subscriber.send(event); // the map is gone: say so, then end the stream
      }
      if (recheck && (map == null || !access.canView(subscriber.caller, map))) {
        subscriber.emitter.complete();
        remove(subscriber);
        continue;
      }
      subscriber.send(event);
    }
  }

  int open() {
    return byMap.values().stream().mapToInt(Set::size).sum();
  }

  private void heartbeat() {
    byMap.values().stream().flatMap(Set::stream).toList().forEach(s -> s.comment("keep-alive"));
  }

  private void remove(Subscriber subscriber) {
    byMap.computeIfPresent(subscriber.mapId, (id, set) -> {
      set.remove(subscriber);
      return set.isEmpty() ? null : set;
    });
  }

  @Override
  public void start() {
    heartbeat.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    List<Subscriber> all = byMap.values().stream().flatMap(Set::stream).toList();
    all.forEach(s -> s.emitter.complete());
    byMap.clear();
    heartbeat.shutdownNow();
    delivery.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops first, before the web server's graceful shutdown (which would otherwise wait for open streams). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  /** One client's stream. Sends are serialised per stream; events at or below the last sent id are skipped. */
  private final class Subscriber {
    final Caller caller;
    final UUID mapId;
    final SseEmitter emitter;
    private long lastSentId = -1;

    Subscriber(Caller caller, UUID mapId, SseEmitter emitter) {
      this.caller = caller;
      this.mapId = mapId;
      this.emitter = emitter;
    }

    synchronized void send(MapEvent event) {
      send(event, false);
    }

    synchronized void send(MapEvent event, boolean always) {
      if (!always && event.id() <= lastSentId) {
        return;
      }
      lastSentId = Math.max(lastSentId, event.id());
      write(SseEmitter.event().id(Long.toString(event.id())).name(event.type()).data(event.data()));
    }

    synchronized void comment(String text) {
      write(SseEmitter.event().comment(text));
    }

    private void write(SseEmitter.SseEventBuilder builder) {
      try {
        emitter.send(builder);
      } catch (IOException | IllegalStateException e) {
        // The client went away (or the stream already ended): forget it; the container completes the request.
        remove(this);
      }
    }
  }
}

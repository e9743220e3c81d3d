package dev.tessera.server.live;

import dev.tessera.server.map.MapRepository;
import dev.tessera.server.problem.ApiException;
import dev.tessera.server.security.AccessPolicy;
import dev.tessera.server.security.Caller;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/maps/{id}/events}: server-sent events of a map for whoever may see it. Event names are the change:
 * {@code map_updated}, {@code map_deleted} (then the stream ends), {@code layer_added}, {@code layer_removed},
 * {@code layer_updated}, {@code layers_reordered}, {@code layer_changed} (features or the layer edited),
 * {@code comment_created}, {@code comment_updated}, {@code comment_deleted}, {@code collaborators_changed},
 * {@code collaborator_removed}, and {@code reset} when events the client missed are no longer kept (reload the map).
 * Data is JSON; ids let a reconnecting client send {@code Last-Event-ID}.
 */
@RestController
class MapEventsController {
  private final MapRepository maps;
  private final AccessPolicy access;
  private final MapEventStreams streams;

  MapEventsController(MapRepository maps, AccessPolicy access, MapEventStreams streams) {
    this.maps = maps;
    this.access = access;
    this.streams = streams;
  }

  @GetMapping(path = "/api/maps/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public SseEmitter events(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    maps.findById(id).filter(m -> access.canView(caller, m)).orElseThrow(() -> ApiException.notFound("map", id));
    return streams.subscribe(caller, id, parse(lastEventId));
  }

  private static Long parse(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(lastEventId.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid_last_event_id", "Last-Event-ID must be an event id this server sent.")
          .with("header", "Last-Event-ID");
    }
  }
}

// Live map events (issue 4): GET /api/maps/{id}/events as server-sent events. Read with fetch rather than
// EventSource because EventSource cannot send the Authorization header; reconnects with a growing delay.
import { token } from './http';

export interface ServerEvent {
  event: string;
  data: string;
  id?: string;
}

/** Parses an SSE stream incrementally: feed it chunks, it returns the complete events so far. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;

  push(chunk: string): ServerEvent[] {
    this.buffer += chunk;
    const out: ServerEvent[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0 || this.event) {
          out.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
        }
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (name === 'event') this.event = value;
      else if (name === 'data') this.data.push(value);
      else if (name === 'id') this.id = value;
    }
    return out;
  }
}

/** Follows a map's events until `stop()`; `onState` reports whether the stream is connected. */
export function followMapEvents(
  mapId: string,
  onEvent: (event: ServerEvent) => void,
  onState: (connected: boolean) => void,
): { stop: () => void } {
  const controller = new AbortController();
  let delay = 1000;
  const run = async () => {
    while (!controller.signal.aborted) {
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream' };
        const bearer = token();
        if (bearer) headers.Authorization = `Bearer ${bearer}`;
        const response = await fetch(`/api/maps/${mapId}/events`, { headers, signal: controller.signal });
        if (response.status === 404 || response.status === 405) {
          onState(false);
          return; // this server has no live events yet
        }
        if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
        onState(true);
        delay = 1000;
        const parser = new SseParser();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value).forEach(onEvent);
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      onState(false);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  void run();
  return { stop: () => controller.abort() };
}

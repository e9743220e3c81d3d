// Live updates: the map's server-sent events (issue 4). Any change someone else makes to the map, its layers or
// their features redraws the map; comment events reload the comments panel if it is open.
import { followMapEvents } from '../api/events';
import type { MapContext } from './context';

export function startLive(ctx: MapContext, commentsPanel: HTMLElement, indicator: HTMLElement): () => void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const follower = followMapEvents(
    ctx.view.id,
    (event) => {
      if (/comment/i.test(event.event) || /"comment/i.test(event.data)) {
        commentsPanel.dispatchEvent(new CustomEvent('reload'));
        return;
      }
      // A burst of edits (an import) redraws once.
      clearTimeout(pending);
      pending = setTimeout(() => void ctx.refresh().catch(() => {}), 300);
    },
    (connected) => {
      indicator.hidden = !connected;
    },
  );
  return () => {
    clearTimeout(pending);
    follower.stop();
  };
}

// One indicator for all requests: shown only when something has taken longer than 150 ms, so fast screens do not
// flicker, and hidden when the last request ends.
let pending = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function element(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById('busy');
}

export function busyStart(): () => void {
  pending++;
  if (pending === 1) {
    timer = setTimeout(() => {
      const el = element();
      if (el) el.hidden = false;
    }, 150);
  }
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    pending--;
    if (pending === 0) {
      clearTimeout(timer);
      const el = element();
      if (el) el.hidden = true;
    }
  };
}

// navigate() for every screen; main.ts registers the function that renders a route.
let render: () => Promise<void> = async () => {};

export function setRenderer(fn: () => Promise<void>): void {
  render = fn;
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render();
}

export type Screen = { unmount?: () => void };

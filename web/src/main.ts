// The application shell: a history-API router over a few screens. The sign-in and map list screens are in this
// first chunk; the map view (MapLibre, the editor) and the places view are loaded only when opened.
import './styles.css';
import { me, signOut } from './api/auth';
import { prefetchBasemap, prefetchMap } from './api/maps';
import { h, clear } from './ui/dom';
import { showError } from './ui/toast';

import { navigate, setRenderer, type Screen } from './router';

const app = document.getElementById('app')!;
let current: Screen | null = null;

async function route(): Promise<void> {
  current?.unmount?.();
  current = null;
  const path = location.pathname;
  void renderNav(); // in parallel: the screen does not wait for the user's name
  try {
    if (path === '/login') {
      const { loginScreen } = await import('./screens/login');
      current = loginScreen(app);
    } else if (/^\/maps\/[0-9a-fA-F-]{36}\/?$/.test(path)) {
      clear(app, h('p', { class: 'loading' }, 'Opening the map…'));
      // The map's data, the basemap's style and MapLibre's worker download while the map view's code does.
      prefetchMap(path.split('/')[2]);
      prefetchBasemap();
      const { mapScreen } = await import('./mapview/mapScreen');
      current = await mapScreen(app);
    } else if (path === '/places') {
      const { placesScreen } = await import('./screens/places');
      current = placesScreen(app);
    } else {
      if (path !== '/maps') history.replaceState(null, '', '/maps');
      const { mapListScreen } = await import('./screens/mapList');
      current = await mapListScreen(app);
    }
  } catch (e) {
    showError(e);
    clear(app, h('p', { class: 'error-page' }, e instanceof Error ? e.message : String(e)), h('p', {}, h('a', { href: '/maps', 'data-link': true }, 'Back to the maps')));
  }
  document.title = `${document.querySelector('main h1')?.textContent ?? 'Maps'} · Tessera`;
}

async function renderNav(): Promise<void> {
  const nav = document.getElementById('nav')!;
  const user = await me();
  clear(
    nav,
    h('a', { href: '/maps', 'data-link': true }, 'Maps'),
    h('a', { href: '/places', 'data-link': true }, 'Places'),
    user
      ? h('span', { class: 'user' }, user.name || user.email)
      : h('a', { href: '/login', 'data-link': true, id: 'sign-in-link' }, 'Sign in'),
    user
      ? h('button', { type: 'button', class: 'link', onclick: () => { signOut(); navigate('/maps'); } }, 'Sign out')
      : null,
  );
}

// In-app links: <a data-link> changes the route without reloading.
document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('href')!);
});
setRenderer(route);
window.addEventListener('popstate', () => void route());
void route();

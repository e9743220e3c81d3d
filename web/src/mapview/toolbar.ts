// The map's tool buttons. The editor (terra-draw), the library dialogs, comments and sharing are separate chunks,
// fetched the first time their button is pressed.
import { h } from '../ui/dom';
import { showError } from '../ui/toast';
import type { MapContext } from './context';

export function mapToolbar(ctx: MapContext, toolbar: HTMLElement, side: HTMLElement): void {
  const button = (id: string, label: string, load: () => Promise<unknown>, needsUser = true) =>
    h('button', {
      type: 'button', id, class: 'secondary', disabled: needsUser && !ctx.user,
      title: needsUser && !ctx.user ? 'Sign in first' : null,
      onclick: () => load().catch(showError),
    }, label);
  toolbar.append(
    button('open-library', 'Library', async () => (await import('./library')).openLibrary(ctx)),
    button('add-layer', 'New layer', async () => (await import('./addLayer')).openAddLayer(ctx)),
    button('draw', 'Draw', async () => (await import('./draw')).startDrawing(ctx)),
    button('comments', 'Comments', async () => (await import('./comments')).toggleComments(ctx, side), false),
    button('share', 'Share', async () => (await import('./share')).openShare(ctx)),
  );
}

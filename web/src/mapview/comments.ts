// The comments sidebar (issue 4's API): threads on the map or on one of its layers, reply, resolve.
import { ApiError } from '../api/http';
import { listComments, postComment, resolveComment, threads, type Comment } from '../api/comments';
import { clear, h } from '../ui/dom';
import { showError } from '../ui/toast';
import type { MapContext } from './context';

export function toggleComments(ctx: MapContext, panel: HTMLElement): void {
  panel.hidden = !panel.hidden;
  if (panel.hidden) return;
  const scope = h('select', { 'aria-label': 'Comments on', id: 'comment-scope' },
    h('option', { value: '' }, 'The whole map'),
    ...ctx.view.layers.map((l) => h('option', { value: l.layer_id }, l.name)));
  const list = h('div', { class: 'threads', 'aria-live': 'polite' });
  const text = h('textarea', { id: 'comment-text', rows: 3, 'aria-label': 'New comment', placeholder: ctx.user ? 'Write a comment…' : 'Sign in to comment', disabled: !ctx.user });
  const post = h('button', { type: 'button', id: 'comment-post', disabled: !ctx.user }, 'Comment');

  const load = async () => {
    try {
      const all = await listComments(ctx.view.id, scope.value || undefined);
      const shown = threads(all);
      clear(list, ...(shown.length ? shown.map(thread) : [h('p', { class: 'empty' }, 'No comments yet.')]));
    } catch (e) {
      clear(list, h('p', { class: 'form-error' }, e instanceof ApiError && e.status === 404 && e.code !== 'not_found'
        ? 'Comments are not available on this server yet.' : (e as Error).message));
    }
  };

  const thread = (t: { root: Comment; replies: Comment[] }) => {
    const reply = h('input', { 'aria-label': 'Reply', placeholder: 'Reply…', disabled: !ctx.user });
    return h(
      'article',
      { class: `thread${t.root.is_resolved ? ' resolved' : ''}`, 'data-comment-id': t.root.id },
      item(t.root),
      ...t.replies.map(item),
      ctx.user
        ? h('div', { class: 'thread-actions' },
            reply,
            h('button', { type: 'button', class: 'secondary', onclick: () => send(reply.value, t.root.id).then(load) }, 'Reply'),
            h('button', { type: 'button', class: 'secondary', onclick: () => act(() => resolveComment(t.root.id, !t.root.is_resolved)) },
              t.root.is_resolved ? 'Reopen' : 'Resolve'))
        : null,
    );
  };
  const item = (c: Comment) =>
    h('div', { class: 'comment' }, h('p', {}, c.content ?? '(deleted)'), h('small', {}, `${c.author_name ?? ''} ${new Date(c.created_at).toLocaleString()}${c.is_resolved ? ' · resolved' : ''}`));
  const act = async (work: () => Promise<unknown>) => {
    try { await work(); await load(); } catch (e) { showError(e); }
  };
  const send = async (content: string, parent: string | null) => {
    if (!content.trim()) return;
    try {
      await postComment({ content: content.trim(), map_id: ctx.view.id, layer_id: scope.value || null, parent_id: parent });
    } catch (e) {
      showError(e);
    }
  };
  post.addEventListener('click', async () => { await send(text.value, null); text.value = ''; await load(); });
  scope.addEventListener('change', load);
  panel.addEventListener('reload', load);
  clear(panel, h('h2', {}, 'Comments'), scope, list, text, post);
  void load();
}

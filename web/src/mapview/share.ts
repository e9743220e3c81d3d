// Sharing: who may open the map (private, collaborators, public — on the server now) and the collaborators with
// their permission (issue 4's API; the dialog says so when this server does not have it yet).
import { ApiError } from '../api/http';
import { addCollaborator, listCollaborators, removeCollaborator, type Permission } from '../api/collaborators';
import { updateMap } from '../api/maps';
import type { PermissionLevel } from '../api/types';
import { labelled } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { showError, toast } from '../ui/toast';
import type { MapContext } from './context';

const WHO_CAN_OPEN: Record<PermissionLevel, string> = {
  private: 'Only you can open the map now.',
  collaborators: 'Only you and the people you invite can open the map now.',
  public: 'Anyone can open the map now, without signing in.',
};

export function openShare(ctx: MapContext): void {
  const level = h('select', { name: 'permission_level', id: 'share-level' },
    ...(['private', 'collaborators', 'public'] as PermissionLevel[]).map((p) => h('option', { value: p, selected: ctx.view.permission_level === p }, p)));
  const people = h('ul', { class: 'collaborators', 'aria-live': 'polite' });
  const email = h('input', { type: 'email', name: 'email', id: 'share-email', placeholder: 'colleague@example.org' });
  const permission = h('select', { name: 'permission', id: 'share-permission' }, h('option', { value: 'view' }, 'can view'), h('option', { value: 'edit' }, 'can edit'));
  const link = `${location.origin}/maps/${ctx.view.id}`;
  const dialog = h('dialog', { 'aria-label': 'Share', class: 'wide' },
    h('h2', {}, 'Share “', ctx.view.name, '”'),
    labelled('Who can open it', level),
    h('h3', {}, 'People'),
    people,
    h('div', { class: 'inline' }, labelled('Email', email), labelled('Permission', permission),
      h('button', { type: 'button', id: 'share-add', onclick: () => add() }, 'Invite')),
    labelled('Link', h('input', { readonly: true, value: link, onfocus: (e: Event) => (e.target as HTMLInputElement).select() })),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, 'Close')));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();

  level.addEventListener('change', async () => {
    try {
      await updateMap(ctx.view.id, { permission_level: level.value as PermissionLevel });
      await ctx.refresh();
      toast(WHO_CAN_OPEN[level.value as PermissionLevel]);
    } catch (e) {
      showError(e);
      level.value = ctx.view.permission_level;
    }
  });
  const load = async () => {
    try {
      const list = await listCollaborators(ctx.view.id);
      clear(people, ...(list.length ? list.map((c) => h('li', {}, `${c.name || c.email || c.user_id} — ${c.permission}`,
        h('button', { type: 'button', class: 'icon danger', 'aria-label': `Remove ${c.email ?? c.user_id}`, onclick: () => removeCollaborator(ctx.view.id, c.user_id).then(load, showError) }, '✕'))) : [h('li', { class: 'empty' }, 'Nobody yet.')]));
    } catch (e) {
      clear(people, h('li', { class: 'form-error' }, e instanceof ApiError && e.status === 404 && e.code !== 'not_found'
        ? 'Inviting people is not available on this server yet.' : (e as Error).message));
    }
  };
  const add = async () => {
    try {
      await addCollaborator(ctx.view.id, email.value.trim(), permission.value as Permission);
      email.value = '';
      await load();
    } catch (e) {
      showError(e);
    }
  };
  void load();
}

// The maps the caller can see, in three groups: mine, shared with me (collaborator on a private map) and public.
import { me } from '../api/auth';
import { createMap, deleteMap, listMaps, updateMap } from '../api/maps';
import type { User, WebMap } from '../api/types';
import { navigate, type Screen } from '../router';
import { formDialog, labelled, value } from '../ui/dialog';
import { clear, h } from '../ui/dom';
import { showError, toast } from '../ui/toast';

export function groupMaps(maps: WebMap[], user: User | null): { mine: WebMap[]; shared: WebMap[]; public: WebMap[] } {
  const mine = maps.filter((m) => user && m.created_by === user.id);
  const others = maps.filter((m) => !user || m.created_by !== user.id);
  return {
    mine,
    shared: others.filter((m) => m.permission_level !== 'public'),
    public: others.filter((m) => m.permission_level === 'public'),
  };
}

export async function mapListScreen(app: HTMLElement): Promise<Screen> {
  const user = await me();
  const render = async () => {
    const groups = groupMaps(await listMaps(), user);
    clear(
      app,
      h(
        'section',
        { class: 'page' },
        h(
          'div',
          { class: 'page-head' },
          h('h1', {}, 'Maps'),
          user
            ? h('button', { type: 'button', id: 'new-map', onclick: () => newMap() }, 'New map')
            : h('a', { href: '/login?next=/maps', 'data-link': true, class: 'button' }, 'Sign in to make maps'),
        ),
        user ? section('My maps', 'mine', groups.mine, true, 'You have no maps yet.') : null,
        user ? section('Shared with me', 'shared', groups.shared, false, 'Nobody has shared a map with you yet.') : null,
        section('Public maps', 'public', groups.public, false, 'There are no public maps.'),
      ),
    );
  };

  const section = (title: string, key: string, maps: WebMap[], own: boolean, empty: string) =>
    h(
      'section',
      { class: 'map-group', 'aria-labelledby': `maps-${key}` },
      h('h2', { id: `maps-${key}` }, title),
      maps.length === 0
        ? h('p', { class: 'empty' }, empty)
        : h('ul', { class: 'map-cards', 'data-group': key }, ...maps.map((m) => card(m, own))),
    );

  const card = (m: WebMap, own: boolean) =>
    h(
      'li',
      { class: 'map-card', 'data-map-id': m.id },
      h('a', { href: `/maps/${m.id}`, 'data-link': true, class: 'map-name' }, m.name),
      h('span', { class: `badge ${m.permission_level}` }, m.permission_level),
      m.description ? h('p', {}, m.description) : null,
      own
        ? h(
            'div',
            { class: 'card-actions' },
            h('button', { type: 'button', class: 'secondary', onclick: () => rename(m), 'aria-label': `Rename ${m.name}` }, 'Rename'),
            h('button', { type: 'button', class: 'danger', onclick: () => remove(m), 'aria-label': `Delete ${m.name}` }, 'Delete'),
          )
        : null,
    );

  const newMap = () =>
    formDialog(
      'New map',
      [
        labelled('Name', h('input', { name: 'name', required: true, maxlength: 200, autofocus: true })),
        labelled('Description', h('textarea', { name: 'description', rows: 2 })),
      ],
      async (form) => {
        const created = await createMap({ name: value(form, 'name'), description: value(form, 'description') || null, center_lat: 54, center_lng: 4, zoom: 4 });
        navigate(`/maps/${created.id}`);
      },
      'Create',
    );

  const rename = (m: WebMap) =>
    formDialog('Rename map', [labelled('Name', h('input', { name: 'name', required: true, value: m.name, maxlength: 200 }))], async (form) => {
      await updateMap(m.id, { name: value(form, 'name') });
      await render();
    });

  const remove = async (m: WebMap) => {
    if (!confirm(`Delete the map “${m.name}”? Its layers stay in the library.`)) return;
    try {
      await deleteMap(m.id);
      toast(`Deleted “${m.name}”.`);
      await render();
    } catch (e) {
      showError(e);
    }
  };

  await render();
  return {};
}

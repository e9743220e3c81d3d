// Sharing, comments and live updates (issue 4's API), in two browsers at once:
//   node collab.e2e.mjs <base-url> <admin-email> <admin-password> <artifact-dir>
// The owner shares a map with a second user, who finds it under "Shared with me"; the owner comments, replies and
// resolves; the owner's edit appears on the second user's open map without a reload (server-sent events).
import { launch, mapReady, newContext, Run } from './browser.mjs';

const [base, email, password, artifacts = 'target/e2e'] = process.argv.slice(2);
const run = new Run(artifacts);
const browser = await launch();
const signIn = async (page, who, secret) => {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(who);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My maps' }).waitFor();
};
try {
  const owner = await (await newContext(browser)).newPage();
  run.watch(owner);
  await signIn(owner, email, password);
  const api = (path, method = 'GET', body) => owner.evaluate(async ([p, m, b]) => {
    const r = await fetch(p, { method: m, headers: { Authorization: `Bearer ${localStorage.getItem('tessera.token')}`, 'Content-Type': 'application/json' }, body: b && JSON.stringify(b) });
    if (!r.ok) throw new Error(`${m} ${p}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  }, [path, method, body]);

  const suffix = Date.now().toString(36);
  const guestEmail = `guest-${suffix}@example.org`;
  await api('/api/users', 'POST', { email: guestEmail, name: 'Guest Reviewer', password: 'guest-password-1' });
  const map = await api('/api/maps', 'POST', { name: `Shared map ${suffix}`, center_lat: 54, center_lng: 4, zoom: 5 });
  const layer = await api('/api/layers', 'POST', { name: `Sites ${suffix}`, source_type: 'vector', source_config: {} });
  await api(`/api/layers/${layer.id}/features`, 'POST', { type: 'Feature', geometry: { type: 'Point', coordinates: [3, 54] }, properties: { name: 'first' } });
  await api(`/api/maps/${map.id}/layers`, 'POST', { layer_id: layer.id });

  // Share
  await owner.goto(`${base}/maps/${map.id}`);
  await mapReady(owner);
  await owner.getByRole('button', { name: 'Share' }).click();
  await owner.locator('#share-level').selectOption('collaborators');
  await owner.getByText('Only you and the people you invite can open the map now.').waitFor();
  await owner.locator('#share-email').fill(guestEmail);
  await owner.locator('#share-permission').selectOption('edit');
  await owner.locator('#share-add').click();
  await owner.locator('.collaborators li').filter({ hasText: 'Guest Reviewer' }).waitFor();
  run.check('the share dialog lists the invited collaborator with the permission', (await owner.locator('.collaborators').textContent()).includes('edit'));
  await run.shot(owner, 'collab-01-share');
  await owner.locator('dialog[open]').getByRole('button', { name: 'Close' }).click();

  // Comments: post, reply, resolve
  await owner.getByRole('button', { name: 'Comments' }).click();
  await owner.locator('#comment-text').fill('Is the survey area right?');
  await owner.locator('#comment-post').click();
  const thread = owner.locator('.thread').filter({ hasText: 'Is the survey area right?' });
  await thread.waitFor();
  await thread.getByLabel('Reply').fill('Moved it 2 km east.');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await thread.filter({ hasText: 'Moved it 2 km east.' }).waitFor();
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await owner.locator('.thread.resolved').filter({ hasText: 'Is the survey area right?' }).waitFor();
  run.check('a comment, its reply and its resolution are shown', (await thread.textContent()).includes('resolved'));
  await run.shot(owner, 'collab-02-comments');

  // The guest sees the map and a live edit
  const guest = await (await newContext(browser)).newPage();
  run.watch(guest);
  await signIn(guest, guestEmail, 'guest-password-1');
  const shared = guest.locator('[data-group=shared] .map-card').filter({ hasText: map.name });
  await shared.waitFor();
  run.check('the guest finds the map under “Shared with me”', await shared.isVisible());
  await shared.getByRole('link').click();
  await mapReady(guest);
  await guest.locator('.live:not([hidden])').waitFor();
  run.check('the guest’s map view follows live events', await guest.locator('.live').isVisible());
  const sources = () => guest.evaluate((id) => window.tessera.map.getStyle().sources[`layer-${id}`].tiles[0], layer.id);
  const before = await sources();
  await api(`/api/layers/${layer.id}/features`, 'POST', { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 55] }, properties: { name: 'second' } });
  await guest.waitForFunction(([id, url]) => window.tessera.map.getStyle().sources[`layer-${id}`].tiles[0] !== url, [layer.id, before]);
  await guest.waitForFunction((id) => window.tessera.map.queryRenderedFeatures().filter((f) => f.source === `layer-${id}`).length >= 2, layer.id);
  run.check('the owner’s new feature appears on the guest’s map without a reload', true, `${before} → ${await sources()}`);
  await run.shot(guest, 'collab-03-live-edit');
  run.finish();
} catch (e) {
  run.finish(e);
} finally {
  await browser.close();
}

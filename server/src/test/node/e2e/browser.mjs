// Debian's Chromium driven by playwright-core (no browser download): the flags keep it off the network and away
// from the GPU, so it runs the same on CI and on a developer's machine.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

/**
 * How long one step may wait for the page (an element, a condition, a navigation) before the scenario fails. Generous
 * because the tests share a small machine with builds and render WebGL in software; a step that is merely slow must
 * not fail, a step that never happens still fails with the step named. TESSERA_E2E_TIMEOUT_SCALE stretches it.
 */
export const WAIT_MS = Math.round(60_000 * Number(process.env.TESSERA_E2E_TIMEOUT_SCALE ?? 1));

/**
 * Calls the Tessera API from the test process with a bearer token: JSON in (an object, or a string sent as it is) and
 * out (null for 204); throws with the status and body on an error answer.
 */
export function apiClient(base, token) {
  return async (path, method = 'GET', body) => {
    const response = await fetch(`${base}${path}`, {
      method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body && (typeof body === 'string' ? body : JSON.stringify(body)),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
}

/** Fills the time fields of the open new-layer dialog: a time dimension from {@code from} to {@code to} in steps. */
export async function fillTimeFields(page, from, to, resolution) {
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel('Has a time dimension', { exact: true }).check();
  await dialog.getByLabel('From', { exact: true }).fill(from);
  await dialog.getByLabel('To', { exact: true }).fill(to);
  await page.locator('dialog[open] select[name=resolution]').selectOption(resolution);
}

/**
 * Steps the time slider with the keyboard until it shows {@code label}. Pressing a fixed number of times raced the
 * map's refresh after a layer was created, which can render the slider again (at the last step, without focus).
 */
export async function stepTimeSliderTo(page, label) {
  for (let i = 0; i < 24; i++) {
    const shown = await page.locator('#time-value').textContent();
    if (shown === label) return;
    await page.locator('#time-slider').press(shown > label ? 'ArrowLeft' : 'ArrowRight');
  }
}

/** A fresh browser context (empty cache and storage) whose waits all default to WAIT_MS. */
export async function newContext(browser, options = { viewport: { width: 1280, height: 800 } }) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(WAIT_MS);
  return context;
}

/** Waits until the page has drawn two more frames: whatever input came before has been handled and painted. */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Collects what a scenario checked, saves screenshots, and prints one JSON line at the end. */
export class Run {
  constructor(artifacts) {
    this.artifacts = artifacts;
    this.checks = [];
    this.numbers = {};
    this.browserErrors = [];
    mkdirSync(artifacts, { recursive: true });
  }

  check(name, ok, detail = '') {
    this.checks.push({ name, ok: !!ok, detail: String(detail) });
    if (!ok) throw new Error(`check failed: ${name} ${detail}`);
  }

  async shot(page, name) {
    await page.screenshot({ path: join(this.artifacts, `${name}.png`) });
  }

  watch(page) {
    page.on('pageerror', (e) => this.browserErrors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') this.browserErrors.push(`console: ${m.text()}`); });
  }

  finish(error) {
    const result = { ok: !error, error: error ? String(error.stack ?? error) : null, checks: this.checks, numbers: this.numbers, browserErrors: this.browserErrors };
    console.log(JSON.stringify(result));
    process.exitCode = error ? 1 : 0;
  }
}

/** Waits until the map view finished its first full render; returns the milliseconds it took. */
export async function mapReady(page) {
  await page.waitForFunction(() => window.tessera && window.tessera.ready, null, { timeout: WAIT_MS });
  return page.evaluate(() => window.tessera.ready);
}

/** Waits until MapLibre has loaded every tile it wants and is not moving. */
export async function mapIdle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const map = window.tessera.map;
    if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) resolve(); else map.once('idle', resolve);
  }));
}

/**
 * CPU time (user + system, ms) used so far by this script's child processes and theirs: the browser, its renderer,
 * GPU (SwiftShader) and utility processes. Unlike wall-clock time it hardly grows when other work shares the cores.
 * Linux only (/proc); processes that already exited are not counted.
 */
export function browserCpuMs() {
  const stats = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime(14) stime(15), 1-based.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      stats.push({ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const ours = new Set([process.pid]);
  let total = 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const s of stats) {
      if (!ours.has(s.pid) && ours.has(s.ppid)) { ours.add(s.pid); total += s.ticks; grew = true; }
    }
  }
  return Math.round(total * 1000 / 100); // USER_HZ is 100 on Linux
}

export { join };

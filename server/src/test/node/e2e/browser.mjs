// Debian's Chromium driven by playwright-core (no browser download): the flags keep it off the network and away
// from the GPU, so it runs the same on CI and on a developer's machine.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
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
  await page.waitForFunction(() => window.tessera && window.tessera.ready, null, { timeout: 30000 });
  return page.evaluate(() => window.tessera.ready);
}

/** Waits until MapLibre has loaded every tile it wants and is not moving. */
export async function mapIdle(page) {
  await page.evaluate(() => new Promise((resolve) => {
    const map = window.tessera.map;
    if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) resolve(); else map.once('idle', resolve);
  }));
}

export { join };

// Debian's Chromium driven by playwright-core (no browser download), as the platform notes describe:
// headless, as root without the sandbox, and without the background networking that would flood a closed
// network. Shared by the browser test (cockpit-check.mjs) and the benchmark (bench/cockpit/first-screen.mjs).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * The realm allows the cockpit only at the origins it lists (http://localhost:8080/cockpit/*); a test's gateway
 * runs on a free port. The browser therefore opens the cockpit at `origin` and every request to that origin
 * is passed on to `gatewayUrl`: the page, Keycloak and the redirect URI see the origin the realm knows.
 */
export async function launch({ origin, gatewayUrl }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'citykpi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  if (origin !== gatewayUrl) {
    await context.route(`${origin}/**`, (route) => route.continue({ url: gatewayUrl + route.request().url().slice(origin.length) }));
  }
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Logs in on the Keycloak page the cockpit sent the browser to, and waits for the cockpit's first screen. */
export async function logIn(page, username, password) {
  await page.waitForSelector('#username', { timeout: 60_000 });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(/\/cockpit\//, { timeout: 60_000 }), page.click('#kc-login')]);
}

/** Waits until the cockpit finished drawing a screen (main[data-ready]) and fails on its error screen. */
export async function ready(page, screen, timeout = 60_000) {
  const main = page.locator(`main[data-ready]`);
  await page.waitForFunction((s) => {
    const m = document.querySelector('main[data-ready]');
    return m && (m.getAttribute('data-ready') === s || m.getAttribute('data-ready') === 'error');
  }, screen, { timeout });
  const state = await main.getAttribute('data-ready');
  if (state === 'error') {
    throw new Error(`the ${screen} screen shows an error: ${await page.locator('[data-testid=error]').textContent()}`);
  }
}

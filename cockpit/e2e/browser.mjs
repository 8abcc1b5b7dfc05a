// Debian's Chromium driven by playwright-core (no browser download), as the platform notes describe:
// headless, as root without the sandbox, and without the background networking that would flood a closed
// network. Shared by the browser test (cockpit-check.mjs) and the benchmark (bench/cockpit/first-screen.mjs).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * The realm allows the cockpit only at the origins it lists (http://localhost:8080/cockpit/*); a test's gateway
 * runs on a free port. The browser therefore opens the cockpit at `origin`, and its every request goes through
 * a small proxy that sends those for `origin` to `gatewayUrl` (Host unchanged) and the others (Keycloak) where
 * they were going: the page, the redirect URI and Keycloak's CORS check all see the origin the realm knows,
 * Keycloak's redirect after the login included, and nothing listening on `origin` itself is touched.
 */
async function originProxy(origin, gatewayUrl) {
  const from = new URL(origin);
  const to = new URL(gatewayUrl);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    const target = new URL(request.url); // a proxy receives absolute URLs
    if (target.host === from.host) {
      target.host = to.host;
    }
    const upstream = http.request(target, { method: request.method, headers: request.headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', (e) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`proxy: ${e.message}`);
    });
    request.pipe(upstream);
  });
  // Everything here is plain HTTP on loopback: no tunnels.
  server.on('connect', (_request, socket) => socket.end('HTTP/1.1 501 Not Implemented\r\n\r\n'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { agent.destroy(); server.closeAllConnections(); server.close(resolve); }),
  };
}

/** A headless Chromium with its own empty profile, reaching the cockpit at `origin` (see originProxy). */
export async function launch({ origin, gatewayUrl }) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium fonts-noto-cjk) or set CHROMIUM`);
  }
  const proxy = await originProxy(origin, gatewayUrl);
  const profile = mkdtempSync(join(tmpdir(), 'citykpi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      // Chromium never proxies loopback unless told to.
      `--proxy-server=${proxy.url}`, '--proxy-bypass-list=<-loopback>'],
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  }).catch(async (e) => {
    await proxy.close();
    throw e;
  });
  const close = async () => {
    await context.close();
    await proxy.close();
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

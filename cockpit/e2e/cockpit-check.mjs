// The cockpit in a real browser against a running platform with the Liaoyuan demo loaded; run by the system
// test (system-test: DemoIT, CockpitBrowser), which starts the platform and writes what the API answers:
//   COCKPIT_ORIGIN   origin the realm allows for the cockpit (http://localhost:8080)
//   GATEWAY_URL      the gateway really serving it (http://localhost:<port>)
//   EXPECTED         JSON file: { year, cityName, city: {kpiId: value}, kpiId, units: {orgUnit: value},
//                    unitsWithTargets: [orgUnit] } (the admin sets a target of kpiId for a unit without one)
//   OUT              directory for screenshots and the accessibility report
// Prints one line per check and exits non-zero on the first failure.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, logIn, ready } from './browser.mjs';

const origin = process.env.COCKPIT_ORIGIN ?? 'http://localhost:8080';
const gatewayUrl = process.env.GATEWAY_URL ?? origin;
const expected = JSON.parse(readFileSync(process.env.EXPECTED, 'utf8'));
const out = process.env.OUT ?? 'target/cockpit-check';
const password = process.env.PASSWORD ?? 'citykpi-demo';
mkdirSync(out, { recursive: true });
const year = expected.year;
const violations = {};
let checks = 0;

function check(condition, message) {
  if (!condition) {
    throw new Error(`FAILED: ${message}`);
  }
  checks++;
  console.log(`ok ${checks} - ${message}`);
}

/** The number a cell shows, without grouping and unit; null for a dash. */
function shown(text) {
  const match = (text ?? '').replace(/[,\s]/g, '').match(/^-?\d+(\.\d+)?/);
  return match ? { value: Number(match[0]), decimals: match[1] ? match[1].length - 1 : 0 } : null;
}

/** What the page shows equals what the API answered, rounded to the decimals shown. */
function sameValue(text, value) {
  const s = shown(text);
  if (value === null || value === undefined) {
    return s === null;
  }
  return s !== null && Math.abs(s.value - value) <= 0.5 * 10 ** -s.decimals + 1e-9;
}

async function screenshot(page, name) {
  await page.waitForTimeout(300); // charts draw on the next animation frame
  await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
}

async function accessible(page, name) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  violations[name] = result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  check(serious.length === 0, `${name}: axe-core reports no serious violation${serious.length ? `: ${serious.map((v) =>
    `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`).join(', ')}` : ''}`);
}

async function asLeader(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/cockpit/#/overview?year=${year}`);
  await page.waitForURL(/\/realms\/citykpi\//, { timeout: 60_000 }).catch(() => {});
  check(/\/realms\/citykpi\//.test(page.url()), `the cockpit sends the browser to Keycloak (${new URL(page.url()).pathname})`);
  await logIn(page, 'leader', password);
  await ready(page, 'overview');
  check(page.url().includes(`#/overview?year=${year}`), 'after the login the cockpit shows the screen asked for');
  check((await page.locator('h1').textContent()).includes(expected.cityName), `the overview is ${expected.cityName}'s`);
  const rows = page.locator('[data-testid=city-kpis] tbody tr');
  const count = await rows.count();
  check(count === Object.keys(expected.city).length, `the overview lists ${count} KPIs, the API ${Object.keys(expected.city).length}`);
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const id = await row.getAttribute('data-kpi-id');
    const text = await row.locator('[data-field=value]').textContent();
    if (!sameValue(text, expected.city[id])) {
      check(false, `${id}: the page shows ${text}, the API ${expected.city[id]}`);
    }
  }
  check(true, `every KPI of ${expected.cityName} shows the API's value`);
  await screenshot(page, '01-overview-leader');
  await accessible(page, 'overview');

  await page.click('[data-nav=districts]');
  await ready(page, 'districts');
  check(await page.locator('[data-testid=ranking] tbody tr').count() === 5, 'the districts screen ranks five units');
  await screenshot(page, '02-districts');
  await accessible(page, 'districts');

  await page.goto(`${origin}/cockpit/#/overview?year=${year}`);
  await ready(page, 'overview');
  await page.click(`[data-testid=city-kpis] tr[data-kpi-id="${expected.kpiId}"] a`);
  await ready(page, 'kpi');
  const units = page.locator('[data-testid=kpi-units] tbody tr');
  check(await units.count() === 6, `${expected.kpiId} shows ${await units.count()} units (the city and five)`);
  for (let i = 0; i < 6; i++) {
    const unit = await units.nth(i).getAttribute('data-org-unit');
    const text = await units.nth(i).locator('[data-field=value]').textContent();
    check(sameValue(text, expected.units[unit]), `${expected.kpiId} of ${unit}: the page shows ${text.trim()}, the API ${expected.units[unit]}`);
  }
  await screenshot(page, '03-kpi-detail');
  await accessible(page, 'kpi detail');

  await units.first().locator('[data-testid=explain-link]').click();
  await ready(page, 'explain');
  const contributions = page.locator('[data-testid=contributions] tbody tr');
  check(await contributions.count() > 0, `explain lists ${await contributions.count()} contributing records on its first page`);
  check(await contributions.first().locator('ul.events li').count() > 0, 'a contributing record shows the events that carried it');
  await screenshot(page, '04-explain');
  await accessible(page, 'explain');
  const label = (await contributions.first().locator('[data-testid=record-link]').textContent()).trim();
  await contributions.first().locator('[data-testid=record-link]').click();
  await ready(page, 'record');
  check(await page.locator('[data-testid=record] tbody tr').count() > 0, `the record ${label} is read through the gateway`);
  await screenshot(page, '05-record');
  await accessible(page, 'record');

  await page.click('[data-nav=alerts]');
  await ready(page, 'alerts');
  check(await page.locator('[data-testid=alerts] tbody tr').count() > 0, 'the alerts screen lists the demo\'s alerts');
  await screenshot(page, '06-alerts');
  await accessible(page, 'alerts');
  await page.click('[data-nav=reporting]');
  await ready(page, 'reporting');
  check(await page.locator('[data-testid=reporting-calendar] td.state-MISSING').count() > 0, 'the reporting calendar shows a missing report');
  await screenshot(page, '07-reporting');
  await accessible(page, 'reporting');
  check(await page.locator('[data-nav=targets]').count() === 0, 'the leader has no target editor in the menu');

  await page.click('[data-testid=lang-switch]');
  await ready(page, 'reporting');
  check((await page.locator('[data-nav=overview]').textContent()).trim() === 'City overview', 'the English switch translates the screen');
  await screenshot(page, '08-reporting-en');
  await page.click('[data-testid=lang-switch]');
  await ready(page, 'reporting');
  check(errors.length === 0, `no script error on the page${errors.length ? `: ${errors.join('; ')}` : ''}`);
  await page.close();
}

async function targetEditor(context, username) {
  const page = await context.newPage();
  await page.goto(`${origin}/cockpit/#/targets?year=${year}`);
  await logIn(page, username, password);
  await ready(page, 'targets');
  const editor = await page.locator('[data-testid=target-editor]').count();
  const menu = await page.locator('[data-nav=targets]').count();
  await screenshot(page, `09-targets-${username}`);
  if (username === 'admin') {
    await accessible(page, 'targets');
    // A target for a unit that has none: set through the editor, then listed with the administrator as its author.
    const unit = Object.keys(expected.units).find((u) => !expected.unitsWithTargets.includes(u) && u !== Object.keys(expected.units)[0]);
    await page.selectOption('#target-kpi', expected.kpiId);
    await page.selectOption('#target-unit', unit);
    await page.fill('#target-value', '20');
    await page.fill('#target-note', '浏览器测试设定');
    await page.click('[data-testid=target-editor] button[type=submit]');
    const row = page.locator(`[data-testid=targets] tr[data-kpi-id="${expected.kpiId}"][data-org-unit="${unit}"]`);
    await row.waitFor({ timeout: 30_000 });
    const text = await row.textContent();
    check(text.includes('20.00') && text.includes('浏览器测试设定') && text.includes('admin'),
      `the city administrator sets ${expected.kpiId} for ${unit} through the editor: ${text.replace(/\s+/g, ' ').trim()}`);
    await screenshot(page, '10-target-set');
  }
  await page.close();
  return { editor, menu };
}

const started = Date.now();
for (const [user, run] of [['leader', asLeader], ['clerk-220402', null], ['admin', null]]) {
  // Each user in a browser of their own: no session carries over.
  const { context, close } = await launch({ origin, gatewayUrl });
  try {
    if (run) {
      await run(context);
    } else {
      const { editor, menu } = await targetEditor(context, user);
      if (user === 'admin') {
        check(editor === 1 && menu === 1, 'the city administrator finds the target editor');
      } else {
        check(editor === 0 && menu === 0, `${user} finds no target editor, in the menu or at its address`);
      }
    }
  } finally {
    await close();
  }
}
writeFileSync(join(out, 'axe-violations.json'), JSON.stringify(violations, null, 2));
console.log(`${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);

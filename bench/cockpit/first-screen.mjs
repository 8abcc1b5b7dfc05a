// The cockpit's first screen with the demo loaded, measured beside the way a front end had to build it before
// /api/v1/overview existed (one /kpis call per unit, /alerts and /reporting-status). Run by bench/cockpit.sh,
// which starts a stack with the demo; prints "figure | value | baseline | ratio" and writes a results file.
//   GATEWAY_URL (http://localhost:8080), TOKEN_URL (Keycloak's token endpoint), YEAR (2025), RUNS (20),
//   COCKPIT_ORIGIN (http://localhost:8080: the origin the realm allows; routed to GATEWAY_URL), RESULTS (file), LABEL
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { launch, logIn, ready, CHROMIUM } from '../../cockpit/e2e/browser.mjs';

const gatewayUrl = process.env.GATEWAY_URL ?? 'http://localhost:8080';
const origin = process.env.COCKPIT_ORIGIN ?? 'http://localhost:8080';
const tokenUrl = process.env.TOKEN_URL ?? 'http://localhost:18180/realms/citykpi/protocol/openid-connect/token';
const year = Number(process.env.YEAR ?? 2025);
const runs = Number(process.env.RUNS ?? 20);
const WARM_UP = 3;

async function token() {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'citykpi-cockpit', username: 'leader', password: 'citykpi-demo' }),
  });
  if (!response.ok) {
    throw new Error(`token: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

async function get(path, bearer) {
  const response = await fetch(gatewayUrl + path, { headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } });
  const body = await response.text();
  if (!response.ok) {
    throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  }
  return body.length;
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

/** Milliseconds of {@code fn}, {@code runs} times after a warm-up. */
async function time(fn) {
  for (let i = 0; i < WARM_UP; i++) {
    await fn();
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return stats(samples);
}

const bearer = await token();
const load = [os.loadavg()[0]];
const units = JSON.parse(await (await fetch(`${gatewayUrl}/api/v1/org-units`, { headers: { Authorization: `Bearer ${bearer}` } })).text())
  .map((u) => u.code);
let overviewBytes = 0;
let multiBytes = 0;
const oneCall = await time(async () => { overviewBytes = await get(`/api/v1/overview?year=${year}`, bearer); });
// Before the overview: every unit's KPIs, the alerts and the reporting status, in parallel as a browser sends them.
const calls = [...units.map((u) => `/api/v1/kpis?year=${year}&orgUnit=${u}`), `/api/v1/alerts?year=${year}`,
  `/api/v1/reporting-status?year=${year}`];
const manyCalls = await time(async () => { multiBytes = (await Promise.all(calls.map((c) => get(c, bearer)))).reduce((a, b) => a + b, 0); });
const manyCallsSequential = await time(async () => { for (const c of calls) { await get(c, bearer); } });

// The page: Chromium opens the cockpit (logged in once), and each reload is timed from navigation start
// until the overview has drawn its table (main[data-ready=overview]).
const { context, close } = await launch({ origin, gatewayUrl });
let firstLoad;
let pageLoads;
try {
  const page = await context.newPage();
  await page.goto(`${origin}/cockpit/#/overview?year=${year}`);
  await logIn(page, 'leader', 'citykpi-demo');
  await ready(page, 'overview');
  firstLoad = await page.evaluate(() => performance.now());
  pageLoads = await time(async () => {
    await page.reload();
    await ready(page, 'overview');
  });
  const navigation = [];
  for (let i = 0; i < 5; i++) {
    await page.reload();
    await ready(page, 'overview');
    navigation.push(await page.evaluate(() => performance.now()));
  }
  pageLoads.navigation = stats(navigation);
} finally {
  await close();
}
load.push(os.loadavg()[0]);

const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const rows = [
  ['first screen data: p50', ms(oneCall.p50), `${ms(manyCalls.p50)} (${calls.length} calls in parallel)`, (oneCall.p50 / manyCalls.p50)],
  ['first screen data: p95', ms(oneCall.p95), `${ms(manyCalls.p95)} (${calls.length} calls in parallel)`, (oneCall.p95 / manyCalls.p95)],
  ['first screen data, calls one after another: p50', ms(oneCall.p50), `${ms(manyCallsSequential.p50)} (${calls.length} calls)`,
    (oneCall.p50 / manyCallsSequential.p50)],
  ['first screen data: bytes', `${overviewBytes.toLocaleString('en')} B`, `${multiBytes.toLocaleString('en')} B`, overviewBytes / multiBytes],
  ['cockpit page, reload until the overview is drawn: p50', ms(pageLoads.p50), '', null],
  ['cockpit page, reload until the overview is drawn: p95', ms(pageLoads.p95), '', null],
  ['cockpit page, navigation start to overview drawn: p50', ms(pageLoads.navigation.p50), '', null],
  ['cockpit page, first load after the login', ms(firstLoad), '', null],
];
const table = ['| figure | value | baseline | ratio |', '|---|---:|---|---:|',
  ...rows.map(([f, v, b, r]) => `| ${f} | ${v} | ${b} | ${r === null ? '' : `${r.toFixed(2)}×`} |`)].join('\n');
console.log(table);

const git = (cmd) => { try { return execSync(cmd, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } };
const chromiumVersion = git(`${CHROMIUM} --version 2>/dev/null`);
const report = `# Benchmark: the cockpit's first screen (Liaoyuan 2025 demo)

${process.env.LABEL ? `${process.env.LABEL}\n\n` : ''}Run with \`bench/cockpit.sh\`. The first screen is every KPI of the city and its five units with targets,
completion, time progress, status and ranks, the alert counts and the reporting rates. It comes from one call
(\`GET /api/v1/overview?year=${year}\`); the baseline is how a front end had to gather it before that call existed:
\`/api/v1/kpis\` for each of the ${units.length} units, \`/api/v1/alerts\` and \`/api/v1/reporting-status\` (${calls.length} calls). Each
figure is ${runs} runs after ${WARM_UP} warm-up runs, with the user \`leader\`; the gateway remembers answers until the ledger
changes, as it does in production. The page figures time Chromium (headless) reloading the cockpit until it has
drawn the overview's table (charts and the latest alerts follow); they include fetching the page and its
script from the gateway and checking the login.

## Figures

${table}

## Machine

| | |
|---|---|
| CPU | ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores |
| memory | ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB |
| Node.js | ${process.version} |
| browser | ${chromiumVersion} |
| load average (1 min) at start, end | ${load.map((l) => l.toFixed(2)).join(', ')} |
| commit | ${git('git rev-parse --short HEAD')} |
| date | ${new Date().toISOString()} |
`;
if (process.env.RESULTS) {
  writeFileSync(process.env.RESULTS, report);
  console.log(`written to ${process.env.RESULTS}`);
}

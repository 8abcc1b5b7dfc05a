import './style.css';
import { ProblemError } from './api/client';
import { accessToken, signIn, signOut } from './auth';
import { disposeCharts } from './charts';
import { Cockpit, currentRoute, link, routeYear } from './context';
import { h } from './dom';
import { currentLang, setLang, t } from './i18n';
import { alertsScreen } from './views/alerts';
import { districtsScreen } from './views/districts';
import { explainScreen, kpiScreen, recordScreen } from './views/kpi';
import { overviewScreen } from './views/overview';
import { reportingScreen } from './views/reporting';
import { targetsScreen } from './views/targets';

/**
 * The gateway's root: the page is served at <gateway>/cockpit/; `npm run dev` calls VITE_GATEWAY
 * (default the gateway of `make run`).
 */
function gatewayUrl(): string {
  const path = window.location.pathname;
  const at = path.lastIndexOf('/cockpit/');
  if (at >= 0) {
    return window.location.origin + path.slice(0, at);
  }
  return (import.meta.env.VITE_GATEWAY as string | undefined) ?? 'http://localhost:8080';
}

/** The newest year with data: this year, or the last one early in a year (the demo is 2025). */
async function defaultYear(cockpit: Cockpit): Promise<number> {
  const remembered = Number(sessionStorage.getItem('citykpi.year'));
  if (remembered) {
    return remembered;
  }
  const thisYear = new Date().getFullYear();
  const overview = await cockpit.overview(thisYear);
  const hasData = (overview.values ?? []).some((cell) => cell.lastEventAt);
  return hasData ? thisYear : thisYear - 1;
}

const main = h('main', { id: 'main', tabindex: '-1' });
let cockpit: Cockpit;

function navigation(year: number, screen: string): HTMLElement {
  const items: [string, string][] = [['overview', t('overview')], ['districts', t('districts')], ['alerts', t('alerts')],
    ['reporting', t('reporting')]];
  if (cockpit.isCityAdmin) {
    items.push(['targets', t('targets')]);
  }
  const yearInput = h('input', {
    id: 'year', type: 'number', min: 2000, max: 2100, value: year, class: 'year',
    onchange: (e: Event) => {
      const route = currentRoute();
      route.query.set('year', (e.target as HTMLInputElement).value);
      window.location.hash = `#/${[route.screen, ...route.parts.map(encodeURIComponent)].join('/')}?${route.query}`;
    },
  });
  return h('header', { class: 'top' },
    h('a', { class: 'brand', href: link('overview', [], { year }) }, t('title')),
    h('nav', { 'aria-label': t('appName') }, h('ul', {}, items.map(([id, name]) =>
      h('li', {}, h('a', { href: link(id, [], { year }), 'aria-current': id === screen ? 'page' : undefined, 'data-nav': id }, name))))),
    h('div', { class: 'who' },
      h('label', { for: 'year' }, t('year'), ' '), yearInput, ' ',
      h('button', { type: 'button', lang: currentLang() === 'zh' ? 'en' : 'zh', 'data-testid': 'lang-switch',
        onclick: () => { setLang(currentLang() === 'zh' ? 'en' : 'zh'); void render(); } }, t('switchLang')), ' ',
      h('span', { 'data-testid': 'user' }, `${t('signedInAs')}: ${cockpit.session.username}`), ' ',
      h('button', { type: 'button', onclick: () => void signOut() }, t('logout'))));
}

async function render(): Promise<void> {
  const route = currentRoute();
  const year = routeYear(route) ?? await defaultYear(cockpit);
  sessionStorage.setItem('citykpi.year', String(year));
  disposeCharts();
  main.removeAttribute('data-ready');
  document.title = `${t('appName')} · ${year}`;
  const header = navigation(year, route.screen);
  main.replaceChildren(h('p', { 'aria-busy': 'true' }, t('loading')));
  document.body.replaceChildren(h('a', { class: 'skip', href: '#main', onclick: (e: Event) => { e.preventDefault(); main.focus(); } },
    '↓'), header, main);
  try {
    const [first = '', second = ''] = route.parts;
    switch (route.screen) {
      case 'districts': await districtsScreen(cockpit, year, route, main); break;
      case 'kpi': await kpiScreen(cockpit, year, first, route, main); break;
      case 'explain': await explainScreen(cockpit, year, first, second, route, main); break;
      case 'record': await recordScreen(cockpit, year, first, second, route, main); break;
      case 'alerts': await alertsScreen(cockpit, year, route, main); break;
      case 'reporting': await reportingScreen(cockpit, year, main); break;
      case 'targets': await targetsScreen(cockpit, year, main); break;
      default: await overviewScreen(cockpit, year, main);
    }
    main.setAttribute('data-ready', route.screen);
  } catch (e) {
    const status = e instanceof ProblemError ? ` (${e.status})` : '';
    main.replaceChildren(h('h1', {}, t('error')), h('p', { role: 'alert', 'data-testid': 'error' }, `${(e as Error).message}${status}`));
    main.setAttribute('data-ready', 'error');
  }
}

async function start(): Promise<void> {
  setLang(currentLang());
  const gateway = gatewayUrl();
  try {
    const session = await signIn(gateway);
    cockpit = new Cockpit(gateway, session, accessToken);
  } catch (e) {
    document.body.replaceChildren(h('main', {}, h('h1', {}, t('error')), h('p', { role: 'alert' }, (e as Error).message)));
    return;
  }
  window.addEventListener('hashchange', () => void render());
  await render();
}

void start();

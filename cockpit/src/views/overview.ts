import { must, type Overview, type OverviewCell } from '../api/client';
import { chart, STATUS_COLOURS } from '../charts';
import { link, type Cockpit } from '../context';
import { h, section, table } from '../dom';
import { label, named, number, percent, t } from '../i18n';

export function statusBadge(status: string | null | undefined): HTMLElement {
  const s = status ?? 'NO_DATA';
  return h('span', { class: `badge status-${s}`, 'data-status': s }, label(s));
}

export function rankChange(change: number | null | undefined): string {
  if (change === null || change === undefined || change === 0) {
    return change === 0 ? '→' : '';
  }
  return change > 0 ? `↑${change}` : `↓${-change}`;
}

function tiles(overview: Overview, city: OverviewCell[]): HTMLElement {
  const counts = new Map<string, number>();
  city.forEach((cell) => counts.set(cell.status ?? 'NO_DATA', (counts.get(cell.status ?? 'NO_DATA') ?? 0) + 1));
  const alerts = overview.alerts?.total ?? {};
  const reporting = overview.reporting ?? [];
  const due = reporting.reduce((sum, r) => sum + (r.due ?? 0), 0);
  const onTime = reporting.reduce((sum, r) => sum + (r.onTime ?? 0), 0);
  return h('div', { class: 'tiles' },
    h('div', { class: 'tile' }, h('h2', {}, t('statusCounts')),
      h('ul', { class: 'counts' }, ['AHEAD', 'ON_TRACK', 'BEHIND', 'NO_TARGET', 'NO_DATA'].filter((s) => counts.has(s))
        .map((s) => h('li', {}, statusBadge(s), ' ', h('strong', {}, counts.get(s) ?? 0))))),
    h('div', { class: 'tile' }, h('h2', {}, t('alertCounts')),
      h('ul', { class: 'counts' }, (['HIGH', 'MEDIUM', 'LOW'] as const).map((s) =>
        h('li', {}, h('span', { class: `badge severity-${s}` }, label(s)), ' ',
          h('a', { href: link('alerts', [], { year: overview.year, severity: s }) }, h('strong', {}, alerts[s] ?? 0)))))),
    h('div', { class: 'tile' }, h('h2', {}, t('onTimeRate')),
      h('p', { class: 'big' }, due ? percent((onTime / due) * 100) : '—'),
      h('a', { href: link('reporting', [], { year: overview.year }) }, t('reporting'))));
}

function kpiTable(overview: Overview, city: Map<string, OverviewCell>): HTMLElement {
  const rows = (overview.kpis ?? []).map((kpi) => {
    const cell = city.get(kpi.id ?? '');
    const precision = kpi.display?.precision ?? 2;
    return h('tr', { 'data-kpi-id': kpi.id, 'data-value': cell?.value ?? '' },
      h('td', { class: 'group' }, named(kpi.display?.group)),
      h('th', { scope: 'row' }, h('a', { href: link('kpi', [kpi.id ?? ''], { year: overview.year }) },
        named(kpi.display?.shortName ?? kpi.name))),
      h('td', { class: 'num', 'data-field': 'value' }, number(cell?.value, precision), ' ', h('small', {}, kpi.unit ?? '')),
      h('td', { class: 'num' }, number(cell?.target, precision)),
      h('td', { class: 'num' }, percent(cell?.completionRate)),
      h('td', { class: 'num' }, percent(cell?.timeProgress)),
      h('td', {}, cell?.gapText ?? ''),
      h('td', {}, statusBadge(cell?.status)));
  });
  return table(`${t('overview')} ${overview.year}`, [t('group'), t('kpi'), t('value'), t('target'), t('completion'), t('timeProgress'),
    t('gap'), t('status')], rows, 'city-kpis');
}

function completionChart(overview: Overview, city: Map<string, OverviewCell>): HTMLElement {
  const kpis = (overview.kpis ?? []).filter((kpi) => city.get(kpi.id ?? '')?.completionRate !== undefined
    && city.get(kpi.id ?? '')?.completionRate !== null);
  const names = kpis.map((kpi) => named(kpi.display?.shortName ?? kpi.name));
  return chart(`${t('completionVsTime')}: ${kpis.map((kpi, i) => `${names[i]} ${percent(city.get(kpi.id ?? '')?.completionRate)}`).join(', ')}`, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [t('completion'), t('timeProgress')] },
    grid: { left: 150, right: 30, top: 30, bottom: 30 },
    xAxis: { type: 'value', max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10) },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: t('completion'), type: 'bar',
        data: kpis.map((kpi) => {
          const cell = city.get(kpi.id ?? '');
          return { value: cell?.completionRate, itemStyle: { color: STATUS_COLOURS[cell?.status ?? 'NO_DATA'] } };
        }),
      },
      {
        name: t('timeProgress'), type: 'scatter', symbol: 'rect', symbolSize: [3, 16], itemStyle: { color: '#202124' },
        data: kpis.map((kpi) => city.get(kpi.id ?? '')?.timeProgress),
      },
    ],
  }, Math.max(320, kpis.length * 22 + 60));
}

async function trend(cockpit: Cockpit, overview: Overview, kpiId: string, into: HTMLElement): Promise<void> {
  const detail = await must(cockpit.client.GET('/api/v1/kpis/{kpiId}', { params: { path: { kpiId }, query: { year: overview.year ?? 0 } } }));
  const months = (detail.series ?? []).map((p) => p.month ?? '');
  const name = named(detail.definition?.display?.shortName ?? detail.definition?.name);
  // The city (bold, with its target) and every unit below it, year to date.
  into.replaceChildren(chart(`${t('trendOf')}: ${name}`, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 70, right: 30, top: 50, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: detail.definition?.unit },
    series: [
      { name: detail.city?.orgUnitName ?? t('city'), type: 'line', data: (detail.series ?? []).map((p) => p.yearToDate ?? null),
        lineStyle: { width: 4 },
        markLine: detail.city?.target ? { data: [{ yAxis: detail.city.target, name: t('target') }], label: { formatter: t('target') } } : undefined },
      ...(detail.unitSeries ?? []).filter((s) => s.orgUnit !== detail.city?.orgUnit).map((s) => ({
        name: s.orgUnitName ?? s.orgUnit, type: 'line', data: (s.points ?? []).map((p) => p.yearToDate ?? null), lineStyle: { width: 1.5 } })),
    ],
  }, 320));
}

export async function overviewScreen(cockpit: Cockpit, year: number, main: HTMLElement): Promise<void> {
  const overview = await cockpit.overview(year);
  const cityCode = overview.units?.[0]?.code ?? '220400';
  const city = new Map<string, OverviewCell>();
  (overview.values ?? []).filter((cell) => cell.orgUnit === cityCode).forEach((cell) => city.set(cell.kpiId ?? '', cell));
  const cumulative = (overview.kpis ?? []).filter((kpi) => kpi.progress === 'CUMULATIVE' && city.get(kpi.id ?? '')?.value != null);
  const trendBox = h('div', {}, t('loading'));
  const picker = h('select', {
    id: 'trend-kpi', onchange: (e: Event) => void trend(cockpit, overview, (e.target as HTMLSelectElement).value, trendBox),
  }, cumulative.map((kpi) => h('option', { value: kpi.id }, named(kpi.display?.shortName ?? kpi.name))));
  const latest = h('div', {}, t('loading'));
  main.replaceChildren(
    h('h1', {}, `${overview.units?.[0]?.name ?? ''} ${overview.year} · ${t('overview')}`),
    h('p', { class: 'meta' }, `${t('asOf')} ${overview.asOf ?? ''}`),
    tiles(overview, [...city.values()]),
    section(t('completionVsTime'), completionChart(overview, city)),
    section(t('trend'), h('label', { for: 'trend-kpi' }, t('chooseKpi'), ' '), picker, trendBox),
    section(t('latestAlerts'), latest),
    section(t('kpi'), kpiTable(overview, city)),
  );
  const first = cumulative[0]?.id;
  if (first) {
    void trend(cockpit, overview, first, trendBox).catch((e) => trendBox.replaceChildren(String(e)));
  } else {
    trendBox.replaceChildren(t('none'));
  }
  void must(cockpit.client.GET('/api/v1/alerts', { params: { query: { year, severity: 'HIGH' } } })).then((alerts) => {
    const top = (alerts.alerts ?? []).slice(0, 5);
    latest.replaceChildren(top.length ? h('ul', { class: 'alerts' }, top.map((a) => h('li', {},
      h('span', { class: 'badge severity-HIGH' }, label(a.severity)), ' ', a.orgUnitName ?? '', ': ', a.message ?? '')))
      : t('none'), h('p', {}, h('a', { href: link('alerts', [], { year }) }, t('allAlerts'))));
  }).catch((e) => latest.replaceChildren(String(e)));
}

import type { OverviewCell } from '../api/client';
import { chart, STATUS_COLOURS } from '../charts';
import { link, type Cockpit, type Route } from '../context';
import { h, scroller, section, table } from '../dom';
import { label, named, number, percent, t } from '../i18n';
import { rankChange, statusBadge } from './overview';

/** The districts side by side: one KPI's ranking bars (完成率排名), and every KPI's status per district. */
export async function districtsScreen(cockpit: Cockpit, year: number, route: Route, main: HTMLElement): Promise<void> {
  const overview = await cockpit.overview(year);
  const [city, ...districts] = overview.units ?? [];
  const kpis = overview.kpis ?? [];
  const cells = new Map<string, OverviewCell>();
  (overview.values ?? []).forEach((cell) => cells.set(`${cell.kpiId}/${cell.orgUnit}`, cell));
  const districtsHaveTargets = (id: string | null | undefined) => districts.some((unit) => cells.get(`${id}/${unit.code}`)?.completionRate != null);
  // First the KPI asked for, else the first whose districts have targets to rank completion by.
  const kpiId = route.query.get('kpi') ?? kpis.find((k) => districtsHaveTargets(k.id))?.id ?? kpis[0]?.id ?? '';
  const kpi = kpis.find((k) => k.id === kpiId);
  const ranked = districts.map((unit) => ({ unit, cell: cells.get(`${kpiId}/${unit.code}`) }))
    .sort((a, b) => (a.cell?.rank ?? 99) - (b.cell?.rank ?? 99));
  const precision = kpi?.display?.precision ?? 2;
  // Completion where the districts have targets (完成率排名), else the values themselves, ranked as the API ranks them.
  const byCompletion = districtsHaveTargets(kpiId);
  const measure = (cell: OverviewCell | undefined) => (byCompletion ? cell?.completionRate : cell?.value) ?? null;
  const title = byCompletion ? t('completionRanking') : `${t('rank')} (${t('value')})`;

  const picker = h('select', {
    id: 'district-kpi',
    onchange: (e: Event) => { window.location.hash = link('districts', [], { year, kpi: (e.target as HTMLSelectElement).value }); },
  }, kpis.map((k) => h('option', { value: k.id, selected: k.id === kpiId }, named(k.display?.shortName ?? k.name))));

  const bars = chart(`${title}: ${ranked.map((r) => `${r.cell?.rank ?? '—'} ${r.unit.name} ${byCompletion ? percent(measure(r.cell))
    : number(measure(r.cell), precision)}`).join(', ')}`, {
    tooltip: { trigger: 'axis' },
    grid: { left: 110, right: 60, top: 20, bottom: 30 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: ranked.map((r) => `${r.cell?.rank ?? '—'}. ${r.unit.name}`) },
    series: [{
      type: 'bar', name: byCompletion ? t('completion') : t('value'),
      label: { show: true, position: 'right', formatter: (p: { value: number | null }) => (p.value == null ? '—'
        : byCompletion ? `${p.value}%` : number(p.value, precision)) },
      data: ranked.map((r) => ({ value: measure(r.cell), itemStyle: { color: STATUS_COLOURS[r.cell?.status ?? 'NO_DATA'] } })),
      markLine: byCompletion && ranked[0]?.cell?.timeProgress != null
        ? { symbol: 'none', data: [{ xAxis: ranked[0]?.cell?.timeProgress ?? 0 }], label: { formatter: t('timeProgress') } } : undefined,
    }],
  }, 260);

  const rankingRows = ranked.map((r) => h('tr', { 'data-org-unit': r.unit.code },
    h('td', { class: 'num' }, r.cell?.rank ?? '—'),
    h('th', { scope: 'row' }, r.unit.name ?? ''),
    h('td', { class: 'num' }, number(r.cell?.value, precision), ' ', h('small', {}, kpi?.unit ?? '')),
    h('td', { class: 'num' }, number(r.cell?.target, precision)),
    h('td', { class: 'num' }, percent(r.cell?.completionRate)),
    h('td', {}, rankChange(r.cell?.rankChange)),
    h('td', {}, statusBadge(r.cell?.status))));

  const matrixRows = kpis.map((k) => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: link('districts', [], { year, kpi: k.id }) }, named(k.display?.shortName ?? k.name))),
    [city, ...districts].map((unit) => {
      const cell = cells.get(`${k.id}/${unit?.code}`);
      // Completion where there is a target, else the value (in the KPI's unit).
      const shown = cell?.completionRate != null ? percent(cell.completionRate) : number(cell?.value, k.display?.precision ?? 2);
      return h('td', { class: `cell status-bg-${cell?.status ?? 'NO_DATA'}`, title: label(cell?.status ?? 'NO_DATA') },
        shown, ' ', h('small', {}, rankChange(cell?.rankChange)));
    })));

  main.replaceChildren(
    h('h1', {}, `${t('districts')} · ${overview.year}`),
    h('p', {}, h('label', { for: 'district-kpi' }, t('chooseKpi'), ' '), picker, ' ',
      h('a', { href: link('kpi', [kpiId], { year }) }, t('explain'))),
    section(`${title} · ${named(kpi?.name)}`, bars,
      table(title, [t('rank'), t('orgUnit'), t('value'), t('target'), t('completion'), t('rankChange'), t('status')],
        rankingRows, 'ranking')),
    section(t('statusMatrix'), scroller(t('statusMatrix'),
      table(`${t('statusMatrix')} (${t('completion')} / ${t('value')})`, [t('kpi'), ...[city, ...districts].map((u) => u?.name ?? '')], matrixRows, 'matrix'))),
  );
}

import { must, type KpiValue } from '../api/client';
import { chart } from '../charts';
import { link, type Cockpit, type Route } from '../context';
import { h, section, table } from '../dom';
import { dateTime, named, number, percent, t } from '../i18n';
import { statusBadge } from './overview';

/** One KPI: the city and every unit, their monthly series, breakdowns, and the way down to the records. */
export async function kpiScreen(cockpit: Cockpit, year: number, kpiId: string, route: Route, main: HTMLElement): Promise<void> {
  const detail = await must(cockpit.client.GET('/api/v1/kpis/{kpiId}', { params: { path: { kpiId }, query: { year } } }));
  const definition = detail.definition;
  const precision = definition?.display?.precision ?? 2;
  const rows: KpiValue[] = [...(detail.city ? [detail.city] : []), ...(detail.units ?? [])];
  const unitRows = rows.map((v) => h('tr', { 'data-org-unit': v.orgUnit, 'data-value': v.value ?? '' },
    h('th', { scope: 'row' }, v.orgUnitName ?? v.orgUnit ?? ''),
    h('td', { class: 'num', 'data-field': 'value' }, number(v.value, precision)),
    h('td', { class: 'num' }, number(v.target, precision)),
    h('td', { class: 'num' }, percent(v.completionRate)),
    h('td', { class: 'num' }, percent(v.timeProgress)),
    h('td', {}, v.gapText ?? ''),
    h('td', { class: 'num' }, v.rank ? `${v.rank}/${v.rankOf}` : '—'),
    h('td', {}, statusBadge(v.status)),
    h('td', {}, h('a', { href: link('explain', [kpiId, v.orgUnit ?? ''], { year }), 'data-testid': 'explain-link' },
      `${t('explain')} (${v.contributingRecords ?? 0})`))));

  const series = detail.unitSeries ?? [];
  const months = (series[0]?.points ?? detail.series ?? []).map((p) => p.month ?? '');
  const lines = chart(`${t('monthlyByUnit')}: ${named(definition?.name)}`, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 70, right: 30, top: 50, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: definition?.unit },
    series: series.map((s) => ({ name: s.orgUnitName ?? s.orgUnit, type: 'line', data: (s.points ?? []).map((p) => p.yearToDate ?? null) })),
  });

  const breakdownBox = h('div', {});
  const by = route.query.get('by') ?? definition?.breakdowns?.[0];
  const breakdownPicker = (definition?.breakdowns ?? []).length
    ? h('p', {}, h('label', { for: 'breakdown-by' }, t('breakdownBy'), ' '), h('select', {
      id: 'breakdown-by',
      onchange: (e: Event) => { window.location.hash = link('kpi', [kpiId], { year, by: (e.target as HTMLSelectElement).value }); },
    }, (definition?.breakdowns ?? []).map((b) => h('option', { value: b, selected: b === by }, b))))
    : null;

  main.replaceChildren(
    h('p', {}, h('a', { href: link('overview', [], { year }) }, `← ${t('overview')}`)),
    h('h1', { 'data-kpi-id': kpiId }, named(definition?.name)),
    h('p', { class: 'meta' }, `${definition?.formula ?? ''} · ${t('asOf')} ${detail.asOf ?? ''}`),
    section(t('units'), table(`${named(definition?.name)} · ${t('units')}`, [t('orgUnit'), `${t('value')} (${definition?.unit ?? ''})`,
      t('target'), t('completion'), t('timeProgress'), t('gap'), t('rank'), t('status'), t('explain')], unitRows, 'kpi-units')),
    section(t('monthlyByUnit'), lines),
    (definition?.breakdowns ?? []).length ? section(t('breakdown'), breakdownPicker, breakdownBox) : '',
  );

  if (by) {
    const breakdown = await must(cockpit.client.GET('/api/v1/kpis/{kpiId}/breakdown', { params: { path: { kpiId }, query: { year, by } } }));
    const groups = breakdown.groups ?? [];
    breakdownBox.replaceChildren(chart(`${t('breakdown')} ${by}: ${groups.map((g) => `${g.key || '—'} ${g.value}`).join(', ')}`, {
      tooltip: {},
      grid: { left: 160, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.key || '—') },
      series: [{ type: 'bar', data: groups.map((g) => g.value ?? null), itemStyle: { color: '#1d5fa8' } }],
    }, Math.max(160, groups.length * 28 + 50)));
  }
}

/** What makes up one unit's value: the contributing records with the events that carried them. */
export async function explainScreen(cockpit: Cockpit, year: number, kpiId: string, orgUnit: string, route: Route, main: HTMLElement): Promise<void> {
  const page = Math.max(0, Number(route.query.get('page') ?? 0) || 0);
  const size = 20;
  const explanation = await must(cockpit.client.GET('/api/v1/kpis/{kpiId}/explain',
    { params: { path: { kpiId }, query: { year, orgUnit, page, size } } }));
  const precision = explanation.definition?.display?.precision ?? 2;
  const rows = (explanation.contributions ?? []).map((c) => h('tr', { 'data-record-kind': c.recordKind, 'data-record-id': c.recordId },
    h('th', { scope: 'row' }, h('a', { href: link('record', [c.recordKind ?? '', c.recordId ?? ''], { year, kpi: kpiId, unit: orgUnit }),
      'data-testid': 'record-link' }, c.label || c.recordId || '')),
    h('td', {}, c.recordKind ?? ''),
    h('td', {}, c.orgUnit ?? ''),
    h('td', { class: 'num' }, number(c.numerator, precision)),
    h('td', { class: 'num' }, c.denominator == null ? '' : number(c.denominator, precision)),
    h('td', {}, h('ul', { class: 'events' }, (c.events ?? []).map((e) => h('li', {},
      h('code', {}, (e.type ?? '').replace(/^citykpi\./, '')), ` ${e.effectiveDate ?? ''} · ${dateTime(e.recordedAt)}`))))));
  const total = explanation.totalContributions ?? 0;
  const pages = Math.max(1, Math.ceil(total / size));
  main.replaceChildren(
    h('p', {}, h('a', { href: link('kpi', [kpiId], { year }) }, `← ${named(explanation.definition?.name)}`)),
    h('h1', {}, `${t('explainTitle')} · ${named(explanation.definition?.name)} · ${explanation.orgUnitName ?? orgUnit}`),
    h('p', { class: 'meta' }, `${t('value')} ${number(explanation.value, precision)} ${explanation.definition?.unit ?? ''}`,
      explanation.denominator != null ? ` = ${number(explanation.numerator, precision)} / ${number(explanation.denominator, precision)}` : '',
      ` · ${total} ${t('contributions')}`),
    section(t('contributions'), table(t('contributions'), [t('record'), t('source'), t('orgUnit'), t('numerator'), t('denominator'),
      t('events')], rows, 'contributions'),
    h('nav', { class: 'pager', 'aria-label': t('page') },
      page > 0 ? h('a', { href: link('explain', [kpiId, orgUnit], { year, page: page - 1 }) }, t('previous')) : null,
      ` ${page + 1} / ${pages} `,
      page + 1 < pages ? h('a', { href: link('explain', [kpiId, orgUnit], { year, page: page + 1 }) }, t('next')) : null)),
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'object' ? JSON.stringify(value, null, 1) : String(value);
}

/** A record as the service that owns it shows it, read through the gateway. */
export async function recordScreen(cockpit: Cockpit, year: number, kind: string, id: string, route: Route, main: HTMLElement): Promise<void> {
  const record = await must(cockpit.client.GET('/api/v1/records/{kind}/{id}', { params: { path: { kind, id } } })) as Record<string, unknown>;
  const kpiId = route.query.get('kpi');
  const unit = route.query.get('unit');
  const rows = Object.entries(record).map(([field, value]) => h('tr', {},
    h('th', { scope: 'row' }, field),
    h('td', {}, typeof value === 'object' && value !== null ? h('pre', {}, show(value)) : show(value))));
  main.replaceChildren(
    kpiId && unit ? h('p', {}, h('a', { href: link('explain', [kpiId, unit], { year }) }, `← ${t('explainTitle')}`)) : '',
    h('h1', { 'data-testid': 'record-title' }, `${t('record')} · ${kind} · ${show(record['code'] ?? record['caseNumber'] ?? record['name'] ?? id)}`),
    section(t('recordFields'), table(`${kind} ${id}`, [t('field'), t('value')], rows, 'record')),
  );
}

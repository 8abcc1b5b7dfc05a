import { must } from '../api/client';
import { chart } from '../charts';
import type { Cockpit } from '../context';
import { h, scroller, section, table } from '../dom';
import { label, percent, t } from '../i18n';

/** The reporting calendar: on-time rates per unit, and every monthly report owed, month by month. */
export async function reportingScreen(cockpit: Cockpit, year: number, main: HTMLElement): Promise<void> {
  const status = await must(cockpit.client.GET('/api/v1/reporting-status', { params: { query: { year } } }));
  const units = status.units ?? [];
  const summaryRows = units.map((u) => h('tr', { 'data-org-unit': u.orgUnit },
    h('th', { scope: 'row' }, u.orgUnitName ?? u.orgUnit ?? ''),
    h('td', { class: 'num' }, u.due ?? 0), h('td', { class: 'num' }, u.onTime ?? 0), h('td', { class: 'num' }, u.late ?? 0),
    h('td', { class: 'num' }, u.missing ?? 0), h('td', { class: 'num' }, u.pending ?? 0), h('td', { class: 'num' }, percent(u.onTimeRate))));
  const rates = chart(`${t('onTimeRate')}: ${units.map((u) => `${u.orgUnitName} ${percent(u.onTimeRate)}`).join(', ')}`, {
    tooltip: {},
    grid: { left: 110, right: 50, top: 10, bottom: 30 },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.orgUnitName ?? '') },
    series: [{ type: 'bar', data: units.map((u) => u.onTimeRate ?? null), itemStyle: { color: '#1d5fa8' },
      label: { show: true, position: 'right', formatter: '{c}%' } }],
  }, 220);

  // One row per unit and report type, one column per month.
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const names = new Map(units.map((u) => [u.orgUnit ?? '', u.orgUnitName ?? '']));
  const grid = new Map<string, Map<string, (typeof reports)[number]>>();
  const reports = status.reports ?? [];
  for (const report of reports) {
    const key = `${report.orgUnit}|${report.type}|${report.typeName ?? ''}`;
    if (!grid.has(key)) {
      grid.set(key, new Map());
    }
    grid.get(key)?.set(report.month ?? '', report);
  }
  const calendarRows = [...grid.entries()].map(([key, byMonth]) => {
    const [orgUnit = '', , typeName = ''] = key.split('|');
    return h('tr', {},
      h('th', { scope: 'row' }, `${names.get(orgUnit) ?? orgUnit} · ${typeName}`),
      months.map((month) => {
        const r = byMonth.get(month);
        if (!r) {
          return h('td', { class: 'cal' }, '');
        }
        const text = r.state === 'LATE' ? `${label('LATE')} ${r.daysLate ?? ''}` : label(r.state);
        return h('td', { class: `cal state-${r.state}`, title: `${r.typeName} ${month}: ${label(r.state)}${r.submittedOn ? ` (${r.submittedOn})` : ''}` }, text);
      }));
  });
  main.replaceChildren(
    h('h1', {}, `${t('reporting')} · ${year}`),
    h('p', { class: 'meta' }, `${t('asOf')} ${status.asOf ?? ''}`),
    section(t('onTimeRate'), rates, table(t('onTimeRate'), [t('orgUnit'), t('due'), t('onTime'), t('late'), t('missing'), t('pending'),
      t('onTimeRate')], summaryRows, 'reporting-units')),
    section(t('reporting'), scroller(t('reporting'), table(t('reporting'), [t('reportType'), ...months.map((m) => m.slice(5))],
      calendarRows, 'reporting-calendar'))),
  );
}

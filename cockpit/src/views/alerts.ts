import { must, type Severity } from '../api/client';
import { link, type Cockpit, type Route } from '../context';
import { h, table } from '../dom';
import { label, t } from '../i18n';

const SEVERITIES: Severity[] = ['HIGH', 'MEDIUM', 'LOW'];

/** Every alert of the year, by severity; alerts raised since a date on request. */
export async function alertsScreen(cockpit: Cockpit, year: number, route: Route, main: HTMLElement): Promise<void> {
  const severity = SEVERITIES.find((s) => s === route.query.get('severity'));
  const newSince = route.query.get('newSince') ?? undefined;
  const list = await must(cockpit.client.GET('/api/v1/alerts', { params: { query: { year, severity, newSince } } }));
  const go = (changes: Record<string, string | undefined>) => {
    window.location.hash = link('alerts', [], { year, severity, newSince, ...changes });
  };
  const rows = (list.alerts ?? []).map((a) => h('tr', { 'data-alert-id': a.id },
    h('td', {}, h('span', { class: `badge severity-${a.severity}` }, label(a.severity))),
    h('td', {}, a.rule ?? ''),
    h('th', { scope: 'row' }, a.orgUnitName ?? a.orgUnit ?? ''),
    h('td', {}, a.message ?? ''),
    h('td', {}, a.date ?? ''),
    h('td', {}, a.record?.kind && a.record.id
      ? h('a', { href: link('record', [a.record.kind, a.record.id], { year }) }, a.record.label || a.record.id)
      : a.kpiId ? h('a', { href: link('kpi', [a.kpiId], { year }) }, a.kpiId) : '')));
  main.replaceChildren(
    h('h1', {}, `${t('alerts')} · ${year}`),
    h('form', { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
      h('label', { for: 'alert-severity' }, t('severity'), ' '),
      h('select', { id: 'alert-severity', onchange: (e: Event) => go({ severity: (e.target as HTMLSelectElement).value || undefined }) },
        h('option', { value: '' }, t('all')),
        SEVERITIES.map((s) => h('option', { value: s, selected: s === severity }, `${label(s)} (${list.counts?.[s] ?? 0})`))),
      ' ',
      h('label', { for: 'alert-new-since' }, t('newSince'), ' '),
      h('input', { id: 'alert-new-since', type: 'date', value: newSince ?? '',
        onchange: (e: Event) => go({ newSince: (e.target as HTMLInputElement).value || undefined }) })),
    table(`${t('alerts')} (${list.alerts?.length ?? 0})`, [t('severity'), t('rule'), t('orgUnit'), t('message'), t('date'), t('record')],
      rows, 'alerts'),
  );
}

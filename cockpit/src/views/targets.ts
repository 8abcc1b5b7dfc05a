import { must, ProblemError, type Target } from '../api/client';
import { type Cockpit } from '../context';
import { h, section, table } from '../dom';
import { label, named, number, t } from '../i18n';

/** The year's targets; a city administrator sets or changes one (PUT /targets/{year}/{kpiId}/{orgUnit}). */
export async function targetsScreen(cockpit: Cockpit, year: number, main: HTMLElement): Promise<void> {
  if (!cockpit.isCityAdmin) {
    main.replaceChildren(h('h1', {}, t('targets')), h('p', { role: 'alert' }, t('noPermission')));
    return;
  }
  const [targets, overview] = await Promise.all([
    must(cockpit.client.GET('/api/v1/targets', { params: { query: { year } } })),
    cockpit.overview(year),
  ]);
  const kpis = overview.kpis ?? [];
  const kpiName = new Map(kpis.map((k) => [k.id ?? '', named(k.display?.shortName ?? k.name)]));
  const message = h('p', { role: 'status', class: 'message' });

  const kpiSelect = h('select', { id: 'target-kpi', name: 'kpiId' }, kpis.map((k) => h('option', { value: k.id }, kpiName.get(k.id ?? '') ?? '')));
  const unitSelect = h('select', { id: 'target-unit', name: 'orgUnit' }, (overview.units ?? []).map((u) => h('option', { value: u.code }, u.name ?? '')));
  const valueInput = h('input', { id: 'target-value', name: 'value', type: 'number', step: '0.01', min: '0', required: true });
  const noteInput = h('input', { id: 'target-note', name: 'note', type: 'text', maxlength: 500 });
  const fill = (target: Target) => {
    kpiSelect.value = target.kpiId ?? '';
    unitSelect.value = target.orgUnit ?? '';
    valueInput.value = String(target.value ?? '');
    noteInput.value = target.note ?? '';
    valueInput.focus();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    message.textContent = '';
    try {
      const saved = await must(cockpit.client.PUT('/api/v1/targets/{year}/{kpiId}/{orgUnit}', {
        params: { path: { year, kpiId: kpiSelect.value, orgUnit: unitSelect.value } },
        body: { value: Number(valueInput.value), note: noteInput.value || undefined },
      }));
      cockpit.forget();
      message.textContent = `${t('saved')}: ${kpiName.get(saved.kpiId ?? '')} ${saved.orgUnitName} ${saved.value} (${t('version')} ${saved.version})`;
      await targetsScreen(cockpit, year, main);
      main.querySelector('.message')?.replaceWith(message);
    } catch (e) {
      const problem = e instanceof ProblemError ? e.problem : undefined;
      message.textContent = `${t('error')}: ${(e as Error).message}${(problem?.errors ?? [])
        .map((f) => ` · ${f.field}: ${f.message}`).join('')}`;
    }
  };

  const rows = [...targets].sort((a, b) => (a.kpiId ?? '').localeCompare(b.kpiId ?? '') || (a.orgUnit ?? '').localeCompare(b.orgUnit ?? ''))
    .map((target) => h('tr', { 'data-kpi-id': target.kpiId, 'data-org-unit': target.orgUnit },
      h('th', { scope: 'row' }, kpiName.get(target.kpiId ?? '') ?? target.kpiId ?? ''),
      h('td', {}, target.orgUnitName ?? target.orgUnit ?? ''),
      h('td', { class: 'num' }, number(target.value, 2), ' ', h('small', {}, target.unit ?? '')),
      h('td', {}, label(target.source)),
      h('td', {}, target.note ?? ''),
      h('td', {}, `${target.version ?? ''} ${target.updatedBy ?? ''}`),
      h('td', {}, target.source === 'EXPLICIT' ? h('button', { type: 'button', onclick: () => fill(target) }, t('edit')) : '')));

  main.replaceChildren(
    h('h1', {}, `${t('targets')} · ${year}`),
    section(t('newTarget'), h('form', { class: 'target-editor', 'data-testid': 'target-editor', onsubmit: (e: Event) => void save(e) },
      h('label', { for: 'target-kpi' }, t('kpi')), kpiSelect,
      h('label', { for: 'target-unit' }, t('orgUnit')), unitSelect,
      h('label', { for: 'target-value' }, t('target')), valueInput,
      h('label', { for: 'target-note' }, t('note')), noteInput,
      h('button', { type: 'submit' }, t('save'))), message),
    section(t('targets'), table(`${t('targets')} ${year}`, [t('kpi'), t('orgUnit'), t('target'), t('source'), t('note'),
      `${t('version')} / ${t('updatedBy')}`, t('edit')], rows, 'targets')),
  );
}

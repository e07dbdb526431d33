// The list of runs: status, target, best coverage and mutation, attempts, age; filtered by status, paged,
// refreshed every few seconds while it is shown.
import { getJson } from './api.js';
import { age, badge, el, percent, show, time } from './dom.js';

const STATUSES = ['pending', 'running', 'completed', 'failed', 'cancelled'];
const PAGE_SIZE = 25;
const REFRESH_MS = 5000;
const RUN_ID = /^[0-9a-f-]{36}$/i;

const link = (status, page) => {
  const query = new URLSearchParams();
  if (status) query.set('status', status);
  if (page > 1) query.set('page', page);
  return `#/${query.size ? `?${query}` : ''}`;
};

function row(run) {
  if (!RUN_ID.test(run.runId)) return null;
  const href = `#/runs/${run.runId}`;
  return el('tr', { 'data-run-id': run.runId },
    el('td', {}, badge(run.status)),
    el('td', { class: 'target' }, el('a', { href }, run.targetFile)),
    el('td', { class: 'num', 'data-field': 'coverage' }, percent(run.coverage)),
    el('td', { class: 'num', 'data-field': 'mutation' }, percent(run.mutationScore)),
    el('td', { class: 'num', 'data-field': 'attempts' }, `${run.finishedAttempts}`),
    el('td', { 'data-field': 'age', title: time(run.submittedAt) }, age(run.submittedAt)),
    el('td', { class: 'reason' }, run.terminationReason ?? ''),
    el('td', { class: 'id' }, el('a', { href }, run.runId.slice(0, 8))));
}

export async function runsView(root, params, signal, report) {
  document.body.dataset.view = 'runs';
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const filter = el('select', { id: 'status-filter', onchange: (event) => { location.hash = link(event.target.value, 1); } },
    el('option', { value: '' }, 'every status'),
    STATUSES.map((s) => el('option', { value: s, selected: s === status }, s)));
  const body = el('tbody');
  const count = el('span', { class: 'count' });
  const pager = el('nav', { class: 'pager' });
  show(root, el('section', { class: 'runs' },
    el('div', { class: 'toolbar' }, el('h1', {}, 'Runs'), el('label', {}, 'Status ', filter), count),
    el('table', { id: 'runs' },
      el('thead', {}, el('tr', {}, ['Status', 'Target', 'Coverage', 'Mutation', 'Attempts', 'Age', 'Ended', 'Run'].map((h) => el('th', {}, h)))),
      body),
    pager));

  async function refresh() {
    const query = new URLSearchParams({ page, pageSize: PAGE_SIZE });
    if (status) query.set('status', status);
    const runs = await getJson(`api/runs?${query}`, signal);
    show(body, runs.items.length
      ? runs.items.map(row)
      : el('tr', {}, el('td', { colspan: 8, class: 'empty' }, status ? `No ${status} runs.` : 'No runs yet: submit one with POST /api/runs.')));
    count.textContent = `${runs.total} run${runs.total === 1 ? '' : 's'}`;
    show(pager,
      page > 1 ? el('a', { href: link(status, page - 1) }, '← newer') : null,
      page * PAGE_SIZE < runs.total ? el('a', { href: link(status, page + 1) }, 'older →') : null);
    root.dataset.loaded = 'true';
  }

  const tick = async () => {
    try {
      await refresh();
      report(null);
    } catch (error) {
      if (!signal.aborted) report(error);
    }
  };
  await tick();
  const timer = setInterval(tick, REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

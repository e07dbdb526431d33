// One run: where it stands, the per-attempt chart, the steps (live from the events stream while it runs),
// the final suite, the critique, the fix reports and every artifact.
import { artifactHref, artifactPath, followRun, getJson, getText, runPath } from './api.js';
import { attemptChart } from './chart.js';
import { badge, el, percent, show, time } from './dom.js';
import { highlighted } from './highlight.js';
import { critiqueView, fixReportView } from './reports.js';

const FINAL = new Set(['completed', 'failed', 'cancelled']);
const STATUS_OF = { Completed: 'completed', Failed: 'failed', Cancelled: 'cancelled', Initial: 'pending' };
const attemptOf = (name, part) => Number(new RegExp(`^attempt_(\\d+)\\.${part}$`).exec(name)?.[1] ?? Number.NaN);

/** Runs fn at most once per wait, after the last call (a burst of steps asks the API once). */
function debounced(fn, wait) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, wait);
  };
}

const section = (id, title, ...children) => el('section', { id, class: 'panel' }, el('h2', {}, title), ...children);

function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, value, field]) => field || (value !== null && value !== undefined && value !== ''))
    .map(([name, value, field]) => [el('dt', {}, name), el('dd', field ? { 'data-field': field } : {}, value)]));
}

export async function runView(root, runId, signal, report) {
  document.body.dataset.view = 'run';
  const head = el('div', { class: 'run-head' });
  const chart = el('div', { id: 'chart', class: 'chart-box' });
  const attempts = el('tbody');
  const steps = el('ol', { id: 'steps', class: 'steps' });
  const suite = el('div', { id: 'suite-code' }, el('p', { class: 'muted' }, 'No suite yet.'));
  const critique = el('div', { id: 'critique-body' }, el('p', { class: 'muted' }, 'No critique yet.'));
  const fixes = el('div', { id: 'fix-body' }, el('p', { class: 'muted' }, 'The fixer has not run.'));
  const links = el('ul', { id: 'artifact-links', class: 'artifacts' });
  const viewer = el('div', { id: 'artifact-viewer' });
  show(root,
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← Runs')),
    head,
    section('attempts', 'Attempts', chart,
      el('table', { class: 'attempts' },
        el('thead', {}, el('tr', {}, ['Attempt', 'Status', 'Coverage', 'Mutation', 'Tests', 'Passed', 'Failed'].map((h) => el('th', {}, h)))),
        attempts)),
    section('live', 'Steps', steps),
    section('suite', 'Final suite', suite),
    section('critique', 'Critique', critique),
    section('fix-report', 'Fix report', fixes),
    section('artifacts', 'Artifacts', links, viewer));

  const texts = new Map();
  const textOf = (name) => {
    if (!texts.has(name)) texts.set(name, getText(artifactPath(runId, name), signal).catch((error) => { texts.delete(name); throw error; }));
    return texts.get(name);
  };
  let run = null;
  let names = [];
  let listed = null;
  let viewing = null;
  let chosenCritique = null;

  function renderRun() {
    const settings = run.settings ?? {};
    show(head,
      el('h1', {}, el('span', { class: 'target' }, run.targetFile), ' ', badge(run.status)),
      facts([
        ['Step', run.phase ?? '', 'phase'],
        ['Detail', run.detail ?? '', 'detail'],
        ['Ended', run.terminationReason ?? '', 'reason'],
        ['Targets', `coverage ${settings.targetCoverage} %, mutation ${settings.targetMutation} %${run.targetsMet ? ' — met' : ''}`],
        ['Best', run.bestAttempt === null || run.bestAttempt === undefined ? '' : `attempt ${run.bestAttempt}: coverage ${percent(run.coverage)}, mutation ${percent(run.mutationScore)}`],
        ['Attempts', `${run.attempts.length} of at most ${settings.maxAttempts}`, 'attempt-count'],
        ['Strategy', settings.strategy ?? ''],
        ['Submitted', time(run.submittedAt)],
        ['Finished', run.finishedAt ? time(run.finishedAt) : ''],
        ['Run', run.runId],
      ]));
    show(chart, attemptChart(run.attempts, settings));
    show(attempts, run.attempts.map((a) => el('tr', { 'data-attempt': a.attempt, class: a.attempt === run.bestAttempt ? 'best' : null },
      el('td', {}, `${a.attempt}`), el('td', {}, a.status), el('td', { class: 'num' }, percent(a.coverage)),
      el('td', { class: 'num' }, percent(a.mutationScore)), el('td', { class: 'num' }, `${a.tests}`),
      el('td', { class: 'num' }, `${a.passed}`), el('td', { class: 'num' }, `${a.failed}`))));
    root.dataset.status = run.status;
  }

  async function renderSuite() {
    const final = names.find((n) => n.startsWith('final/') && n.endsWith('.py'));
    const latest = names.filter((n) => !Number.isNaN(attemptOf(n, 'test_src\\.py'))).sort((a, b) => attemptOf(b, 'test_src\\.py') - attemptOf(a, 'test_src\\.py'))[0];
    const name = final ?? latest;
    if (!name) return;
    const source = await textOf(name);
    show(suite, el('p', { class: 'muted' }, final ? `${name}` : `${name} (the latest attempt's suite; the final one comes when the run ends)`),
      highlighted(source));
    suite.dataset.name = name;
  }

  async function renderCritique() {
    const available = names.map((n) => attemptOf(n, 'critique\\.json')).filter((n) => !Number.isNaN(n)).sort((a, b) => a - b);
    if (available.length === 0) return;
    const attempt = available.includes(chosenCritique) ? chosenCritique : available[available.length - 1];
    const picker = el('select', { id: 'critique-attempt', onchange: (event) => { chosenCritique = Number(event.target.value); renderCritique().catch(report); } },
      available.map((n) => el('option', { value: n, selected: n === attempt }, `attempt ${n}`)));
    const doc = JSON.parse(await textOf(`attempt_${attempt}.critique.json`));
    show(critique, el('label', {}, 'Critique of ', picker), critiqueView(doc));
  }

  async function renderFixes() {
    const reports = names.filter((n) => !Number.isNaN(attemptOf(n, 'fix_report\\.json')));
    if (reports.length === 0) return;
    const docs = await Promise.all(reports.map(async (n) => JSON.parse(await textOf(n))));
    show(fixes, docs.sort((a, b) => a.attempt - b.attempt).map(fixReportView));
  }

  async function open(name, anchor) {
    for (const other of links.querySelectorAll('a.open')) other.classList.remove('open');
    anchor.classList.add('open');
    viewing = name;
    let body = await textOf(name);
    if (name.endsWith('.json') || name.endsWith('.sarif')) {
      try { body = JSON.stringify(JSON.parse(body), null, 2); } catch { /* shown as it is */ }
    }
    show(viewer, el('h3', {}, name), name.endsWith('.py') ? highlighted(body) : el('pre', { class: 'plain' }, body));
  }

  function renderLinks() {
    // Rebuilt only when the names change, so a link is not replaced under the pointer that clicks it.
    if (listed === names.join('\n')) return;
    listed = names.join('\n');
    show(links, names.map((name) => {
      const anchor = el('a', { href: artifactHref(runId, name), 'data-name': name, class: name === viewing ? 'open' : null }, name);
      // Opened here rather than followed, so the API key (a header) goes with the request.
      anchor.addEventListener('click', (event) => {
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        open(name, anchor).catch(report);
      });
      return el('li', {}, anchor);
    }));
  }

  const refreshArtifacts = async () => {
    names = (await getJson(`${runPath(runId)}/artifacts`, signal)).artifacts.map((a) => a.name);
    renderLinks();
    await Promise.all([renderSuite(), renderCritique(), renderFixes()]);
  };
  const refreshRun = async () => {
    run = await getJson(runPath(runId), signal);
    renderRun();
  };
  const guarded = (fn) => () => fn().catch((error) => { if (!signal.aborted) report(error); });
  const laterRun = debounced(guarded(refreshRun), 300);
  const laterArtifacts = debounced(guarded(refreshArtifacts), 600);

  function onStep(step) {
    if (steps.querySelector(`[data-step-id="${CSS.escape(step.stepId)}"]`)) return;
    steps.append(el('li', { 'data-step-id': step.stepId },
      el('span', { class: 'when' }, new Date(step.at).toLocaleTimeString()),
      el('span', { class: 'attempt' }, `attempt ${step.attempt}`),
      el('span', { class: 'state' }, step.state),
      el('span', { class: 'phase' }, step.phase),
      typeof step.coverage === 'number' ? el('span', { class: 'figure' }, `cov ${percent(step.coverage)}`) : null,
      typeof step.mutationScore === 'number' ? el('span', { class: 'figure' }, `mut ${percent(step.mutationScore)}`) : null,
      step.detail ? el('span', { class: 'detail' }, step.detail) : null));
    steps.scrollTop = steps.scrollHeight;
    if (!run || FINAL.has(run.status)) return;
    // What the step says is shown at once; the figures it changed come from the run a moment later.
    const status = STATUS_OF[step.state] ?? 'running';
    for (const node of head.querySelectorAll('[data-field=status]')) node.replaceWith(badge(status));
    for (const [field, value] of [['phase', step.phase], ['detail', step.detail ?? '']]) {
      const node = head.querySelector(`[data-field=${field}]`);
      if (node) node.textContent = value;
    }
    root.dataset.status = status;
    laterRun();
    laterArtifacts();
  }

  try {
    await refreshRun();
    report(null);
  } catch (error) {
    if (signal.aborted) return;
    if (error.status === 404) show(head, el('h1', {}, 'No such run'), el('p', {}, `${runId} is not a run you can see.`));
    report(error.status === 404 ? null : error);
    return;
  }
  guarded(refreshArtifacts)();
  followRun(runId, {
    onStep,
    onEnd: (ended) => {
      run = ended;
      renderRun();
      guarded(refreshArtifacts)();
      report(null);
    },
    onTrouble: report,
  }, signal);
}

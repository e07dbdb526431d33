// A run's documents as a person reads them: the critique of an attempt and the fixer's report. The JSON
// is the artifacts' own (DESIGN.md §4, snake_case); every value is shown as text.
import { el } from './dom.js';

const FLAGS = ['compile_error', 'no_tests', 'low_coverage', 'low_mutation', 'failing_tests', 'no_progress'];

const signed = (value) => (typeof value === 'number' ? `${value >= 0 ? '+' : ''}${value.toFixed(1)}` : '–');
const words = (name) => name.replaceAll('_', ' ');
const text = (value) => (typeof value === 'string' ? value : JSON.stringify(value));

function list(title, items, line) {
  if (!Array.isArray(items) || items.length === 0) return null;
  return el('div', { class: 'list' }, el('h4', {}, title), el('ul', {}, items.map((item) => el('li', {}, line(item)))));
}

/** The model's suggestions: an object of lists (the supervisor's model), or an empty list (none asked). */
function suggestions(value) {
  if (!value || Array.isArray(value)) return list('Suggestions', value, text);
  const parts = Object.entries(value).filter(([, items]) => Array.isArray(items) && items.length > 0);
  if (parts.length === 0) return null;
  return el('div', { class: 'list' }, el('h4', {}, 'Suggestions from the model'),
    parts.map(([name, items]) => list(words(name), items, text)));
}

export function critiqueView(doc) {
  const flags = FLAGS.filter((flag) => doc[flag] === true);
  const route = doc.route;
  return el('div', { class: 'critique' },
    route ? el('p', { class: 'route' }, 'Router: ', el('strong', {}, route.decision ?? ''),
      route.reason ? ` (${route.reason})` : '', route.why ? ` — ${route.why}` : '') : null,
    el('p', { class: 'flags' }, flags.length
      ? flags.map((flag) => el('span', { class: 'flag' }, words(flag)))
      : el('span', { class: 'flag ok' }, 'nothing flagged')),
    doc.deltas ? el('p', {}, `Since the previous attempt: coverage ${signed(doc.deltas.coverage)}, mutation ${signed(doc.deltas.mutation)} points.`) : null,
    list('Instructions', doc.instructions, text),
    list('Missing lines', doc.missing_lines?.length ? [doc.missing_lines.join(', ')] : [], text),
    list('Missing branches', doc.missing_branches, (b) => `line ${b.from} → ${b.to}: ${b.source ?? ''}`),
    list('Surviving mutants', doc.surviving_mutants,
      (m) => `line ${m.line}${m.function ? ` (${m.function})` : ''}: ${m.original} → ${m.mutated} [${m.operator}]`),
    suggestions(doc.llm_suggestions));
}

export function fixReportView(doc) {
  const rounds = Array.isArray(doc.rounds) ? doc.rounds : [];
  return el('div', { class: 'fix-report', 'data-attempt': doc.attempt },
    el('h4', {}, `Attempt ${doc.attempt}`),
    rounds.map((round) => el('div', { class: 'round' },
      el('p', {}, `Round ${round.round}: failing tests ${round.failing_before} → ${round.failing_after}, `
        + `${round.runs} validation run${round.runs === 1 ? '' : 's'}`
        + (typeof round.duration_seconds === 'number' ? `, ${round.duration_seconds.toFixed(1)} s` : '')),
      round.error ? el('p', { class: 'error' }, round.error) : null,
      Array.isArray(round.actions) && round.actions.length
        ? el('table', { class: 'actions' },
          el('thead', {}, el('tr', {}, ['Test', 'Kind', 'Action', 'Why'].map((h) => el('th', {}, h)))),
          el('tbody', {}, round.actions.map((a) => el('tr', {},
            el('td', { class: 'mono' }, a.test ?? ''),
            el('td', {}, [a.kind, a.category].filter(Boolean).join(' / ')),
            el('td', {}, a.action ?? ''),
            el('td', {}, [a.failure, a.detail].filter(Boolean).join(' — '))))))
        : null)));
}

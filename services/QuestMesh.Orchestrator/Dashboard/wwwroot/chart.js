// The attempts chart: coverage and mutation score (0–100 %) per attempt, one point each, drawn as SVG,
// with the run's targets as dashed lines.
import { svg } from './dom.js';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { left: 44, right: 48, top: 16, bottom: 36 };
// Coverage's points are the larger, so a mutation point on the same spot still shows inside it.
const SERIES = [
  { key: 'coverage', label: 'coverage', target: 'targetCoverage', radius: 6 },
  { key: 'mutationScore', label: 'mutation', target: 'targetMutation', radius: 4 },
];

const y = (value) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - Math.max(0, Math.min(100, value)) / 100);

export function attemptChart(attempts, settings) {
  const inner = WIDTH - PAD.left - PAD.right;
  const x = (index) => PAD.left + (attempts.length === 1 ? inner / 2 : (inner * index) / (attempts.length - 1));
  const chart = svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `coverage and mutation score of ${attempts.length} attempt(s)`,
  });
  for (const tick of [0, 25, 50, 75, 100]) {
    chart.append(
      svg('line', { class: 'grid', x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'axis', x: PAD.left - 8, y: y(tick) + 4, 'text-anchor': 'end' }, `${tick}`),
    );
  }
  for (const series of SERIES) {
    const target = settings?.[series.target];
    if (typeof target === 'number') {
      chart.append(svg('line', { class: `target ${series.label}`, x1: PAD.left, x2: WIDTH - PAD.right, y1: y(target), y2: y(target) },
        svg('title', {}, `${series.label} target ${target} %`)));
    }
  }
  if (attempts.length === 0) {
    chart.append(svg('text', { class: 'empty', x: WIDTH / 2, y: HEIGHT / 2, 'text-anchor': 'middle' }, 'no attempt has finished yet'));
    return chart;
  }
  attempts.forEach((attempt, index) => chart.append(
    svg('text', { class: 'axis', x: x(index), y: HEIGHT - PAD.bottom + 18, 'text-anchor': 'middle' }, `attempt ${attempt.attempt}`)));
  for (const series of SERIES) {
    const points = attempts.map((attempt, index) => [x(index), y(attempt[series.key] ?? 0)]);
    chart.append(svg('polyline', { class: `line ${series.label}`, points: points.map((p) => p.join(',')).join(' ') }));
    attempts.forEach((attempt, index) => chart.append(
      svg('circle', { class: `point ${series.label}`, cx: points[index][0], cy: points[index][1], r: series.radius, 'data-attempt': attempt.attempt },
        svg('title', {}, `attempt ${attempt.attempt}: ${series.label} ${(attempt[series.key] ?? 0).toFixed(1)} %`))));
  }
  const legend = svg('g', { class: 'legend' });
  SERIES.forEach((series, index) => legend.append(
    svg('circle', { class: `swatch ${series.label}`, cx: PAD.left + 10 + index * 110, cy: 8, r: 4 }),
    svg('text', { class: 'axis', x: PAD.left + 20 + index * 110, y: 12 }, series.label)));
  chart.append(legend);
  return chart;
}

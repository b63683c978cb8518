// Sweep page: the chosen metric against each swept value, parallel coordinates, and live progress.
import {COLORS, chartsAvailable, element, getJson} from './common.js';
import {dataDisclosure, describe} from './chartdata.js';

const root = document.getElementById('sweep');
const POLL_MS = 2000;

function best(run, metric, higher) {
  const m = (run.metrics || []).find((s) => s.name === metric);
  if (!m) {
    return null;
  }
  const value = higher ? m.maxValue : m.minValue;
  return Number.isFinite(value) ? value : null;
}

function axisValues(sweep, name) {
  return sweep.grid[name].map((v) => (typeof v === 'number' ? v : String(v)));
}

function drawScatter(host, sweep, metric, higher) {
  Object.keys(sweep.grid).forEach((name, index) => {
    const values = axisValues(sweep, name);
    const numeric = values.every((v) => typeof v === 'number');
    const figure = element('figure', 'view');
    const caption = element('figcaption');
    caption.appendChild(element('span', 'chart-title', 'best ' + metric + ' by ' + name));
    figure.appendChild(caption);
    const box = element('div', 'chart-box');
    const canvas = document.createElement('canvas');
    canvas.id = 'sweep-chart-' + index;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'best ' + metric + ' against ' + name);
    box.appendChild(canvas);
    figure.appendChild(box);
    host.appendChild(figure);
    const points = sweep.experiments.map((run) => ({x: run.params[name], y: best(run, metric, higher)}))
      .filter((p) => p.y !== null)
      .map((p) => ({x: numeric ? p.x : values.indexOf(String(p.x)), y: p.y}));
    canvas.dataset.points = String(points.length);
    const ranked = points.slice().sort((a, b) => a.x - b.x)
      .map((p) => ({x: numeric ? p.x : values[p.x], y: p.y}));
    canvas.setAttribute('aria-label', describe('best ' + metric, name, [{name: metric, points: ranked}], () => higher));
    dataDisclosure(figure, 'best ' + metric + ' by ' + name, () => ({
      columns: [name, 'best ' + metric], rows: ranked.map((p) => [p.x, p.y])
    }));
    const positive = numeric && values.every((v) => v > 0);
    const spread = positive && Math.max(...values) / Math.min(...values) >= 100;
    new window.Chart(canvas, {
      type: 'scatter',
      data: {datasets: [{label: metric, data: points, backgroundColor: COLORS[index % COLORS.length], pointRadius: 5}]},
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {legend: {display: false}},
        scales: {
          x: numeric ? {type: spread ? 'logarithmic' : 'linear', title: {display: true, text: name}}
            : {type: 'linear', min: -0.5, max: values.length - 0.5, title: {display: true, text: name},
              // One tick per swept value, at its index, labelled with the value itself.
              afterBuildTicks: (axis) => {
                axis.ticks = values.map((_, i) => ({value: i}));
              },
              ticks: {callback: (v) => values[v] !== undefined ? values[v] : ''}},
          y: {title: {display: true, text: 'best ' + metric}}
        }
      }
    });
  });
}

// Parallel coordinates: one vertical axis per swept parameter and one for the metric; each run is a line,
// darker for better runs, so the good region of the grid shows as a bundle.
function drawParallel(canvas, sweep, metric, higher) {
  const names = Object.keys(sweep.grid);
  const axes = names.concat([metric]);
  const context = canvas.getContext('2d');
  const width = canvas.width;
  const height = canvas.height;
  const pad = 40;
  const right = 90;   // room for the metric's labels
  context.clearRect(0, 0, width, height);
  const runs = sweep.experiments.map((run) => ({run: run, score: best(run, metric, higher)})).filter((r) => r.score !== null);
  const scores = runs.map((r) => r.score);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const x = (i) => pad + i * (width - pad - right) / Math.max(1, axes.length - 1);
  const y = (axis, value) => {
    if (axis === metric) {
      return hi === lo ? height / 2 : height - pad - (value - lo) / (hi - lo) * (height - 2 * pad);
    }
    const values = axisValues(sweep, axis);
    const index = values.indexOf(typeof value === 'number' ? value : String(value));
    return values.length < 2 ? height / 2 : height - pad - index / (values.length - 1) * (height - 2 * pad);
  };
  const colours = [];
  runs.forEach((r) => {
    const quality = hi === lo ? 1 : (higher ? (r.score - lo) / (hi - lo) : (hi - r.score) / (hi - lo));
    const colour = lineColour(quality);
    colours.push(colour);
    context.strokeStyle = colour;
    context.lineWidth = 1.5 + 2 * quality;
    context.beginPath();
    axes.forEach((axis, i) => {
      const value = axis === metric ? r.score : r.run.params[axis];
      const px = x(i);
      const py = y(axis, value);
      i === 0 ? context.moveTo(px, py) : context.lineTo(px, py);
    });
    context.stroke();
  });
  context.fillStyle = '#1f2328';
  context.strokeStyle = '#5f6770';
  context.lineWidth = 1;
  context.font = '12px system-ui, sans-serif';
  context.textAlign = 'center';
  axes.forEach((axis, i) => {
    context.beginPath();
    context.moveTo(x(i), pad);
    context.lineTo(x(i), height - pad);
    context.stroke();
    context.fillText(axis, x(i), pad - 14);
    if (axis === metric) {
      context.textAlign = 'left';
      context.fillText(String(+hi.toPrecision(4)), x(i) + 6, (higher ? pad : pad) + 4);
      context.fillText(String(+lo.toPrecision(4)), x(i) + 6, height - pad + 4);
      context.textAlign = 'center';
    } else {
      context.textAlign = 'right';
      axisValues(sweep, axis).forEach((v) => context.fillText(String(v), x(i) - 6, y(axis, v) + 4));
      context.textAlign = 'center';
    }
  });
  canvas.dataset.lines = String(runs.length);
  canvas.dataset.lineColors = JSON.stringify(colours);
  canvas.dataset.background = BACKGROUND;
}

// The parallel-coordinates picture has no points to hover: its text route is one row per run, the swept values and
// the run's best metric, ranked best first, and the label names the best run.
function parallelData(figure, canvas, sweep, metric, higher) {
  if (!figure) {
    return;
  }
  const names = Object.keys(sweep.grid);
  const runs = sweep.experiments.map((run) => ({run: run, score: best(run, metric, higher)}))
    .filter((r) => r.score !== null)
    .sort((a, b) => (higher ? b.score - a.score : a.score - b.score));
  if (runs.length > 0) {
    const top = runs[0];
    canvas.setAttribute('aria-label', 'parallel coordinates of ' + names.join(', ') + ' and best ' + metric + ' for '
      + runs.length + ' runs; the best, run ' + top.run.id + ' (' + names.map((n) => n + ' = ' + top.run.params[n])
      .join(', ') + '), reached ' + metric + ' ' + (+top.score.toPrecision(6)));
  }
  dataDisclosure(figure, 'parallel coordinates', () => ({
    columns: ['run'].concat(names, ['best ' + metric]),
    rows: runs.map((r) => [r.run.id].concat(names.map((n) => r.run.params[n]), [r.score]))
  }));
}

// Lines go from a light slate blue (the worst run, 3.6:1 on the white figure) to a deep blue (the best, 10:1):
// every line stays visible (WCAG 1.4.11 asks 3:1), and the better runs still stand out, darker and thicker.
const WORST = [0x6d, 0x8a, 0xa5];
const BEST = [0x1d, 0x44, 0x66];
const BACKGROUND = '#ffffff';

function lineColour(quality) {
  const q = Math.min(1, Math.max(0, quality));
  return '#' + WORST.map((c, i) => Math.round(c + (BEST[i] - c) * q).toString(16).padStart(2, '0')).join('');
}

function poll(done) {
  window.setTimeout(() => getJson('/api/sweeps/' + root.dataset.id).then((sweep) => {
    if (!sweep) {
      poll(done);
      return;
    }
    const bar = document.getElementById('sweep-progress');
    const text = document.getElementById('sweep-progress-text');
    if (bar) {
      bar.value = sweep.done;
    }
    if (text) {
      text.textContent = sweep.done + ' of ' + sweep.total + ' done';
    }
    if (sweep.done !== done) {
      window.location.reload();   // a run ended: the table and charts are drawn again from the server
    } else {
      poll(done);
    }
  }), POLL_MS);
}

if (root) {
  const metric = root.dataset.metric;
  const higher = root.dataset.higherIsBetter === 'true';
  getJson('/api/sweeps/' + root.dataset.id).then((sweep) => {
    if (!sweep) {
      return;
    }
    if (chartsAvailable() && metric) {
      drawScatter(document.getElementById('sweep-charts'), sweep, metric, higher);
    }
    const canvas = document.getElementById('parallel');
    if (canvas && canvas.getContext && metric) {
      drawParallel(canvas, sweep, metric, higher);
      parallelData(document.getElementById('parallel-figure'), canvas, sweep, metric, higher);
    }
    if (root.dataset.active === 'true') {
      poll(sweep.done);
    }
  });
}

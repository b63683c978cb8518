// Compare page: one chart per metric the runs share ("chart/series" names share a chart, as on a run's page), one
// curve per run and series, labelled by the parameter that differs.
// The server has already downsampled each curve (bucket min/max kept), so 20 runs of 100 000 points draw at once.
// The x axis is steps or epochs: runs whose plugins declare their steps per epoch (plugin API 1.2) convert between the
// two, so per-step and per-epoch metrics, and runs with different batch sizes, line up.
import {COLORS, chartsAvailable, element, getJson, uiText, xOn} from './common.js';
import {dataDisclosure, describe} from './chartdata.js';

const root = document.getElementById('compare-page');
const DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
const charts = [];
let data = null;
let axis = 'step';
// Coloured by a hyperparameter (colorBy): the server gives each run's colour, shared by the runs of one value, and
// draws the legend; else each run has its own colour.
const RUN_COLORS = root && root.dataset.colors ? root.dataset.colors.split(',') : null;

function colorOf(k) {
  return RUN_COLORS && RUN_COLORS[k] ? RUN_COLORS[k] : COLORS[k % COLORS.length];
}

function smooth(points, weight) {
  if (!weight) {
    return points;
  }
  // Exponential moving average, debiased like TensorBoard's so the curve starts at the first value.
  let last = 0;
  let count = 0;
  return points.map((p) => {
    if (!Number.isFinite(p.y)) {
      return p;
    }
    last = last * weight + (1 - weight) * p.y;
    count++;
    return {x: p.x, y: last / (1 - Math.pow(weight, count))};
  });
}

function perEpochNames(run) {
  return new Set((run.metrics || []).filter((m) => m.perEpoch).map((m) => m.name));
}

// Epochs are offered when every run says how many steps make one; they are the default when those counts differ
// (other batch sizes), since steps then mean different amounts of training.
function chooseAxis() {
  const counts = data.experiments.map((run) => run.stepsPerEpoch);
  const unknown = data.experiments.filter((run) => !run.stepsPerEpoch);
  const epochRadio = document.getElementById('x-epoch');
  const note = document.getElementById('x-axis-note');
  epochRadio.disabled = unknown.length > 0;
  note.hidden = true;
  const requested = new URLSearchParams(window.location.search).get('x');
  if (unknown.length > 0) {
    axis = 'step';
    note.textContent = uiText(unknown.length === 1 ? 'js.byStepOne' : 'js.byStepMany',
      unknown.length === 1 ? 'By step only: {0} does not say how many steps make an epoch.'
        : 'By step only: {0} do not say how many steps make an epoch.', unknown.map((run) => run.label).join(', '));
    note.hidden = false;
  } else if (requested === 'step' || requested === 'epoch') {
    axis = requested;
  } else {
    axis = new Set(counts).size > 1 ? 'epoch' : 'step';
  }
  if (unknown.length === 0 && new Set(counts).size > 1) {
    note.textContent = uiText('js.stepsDiffer', 'The runs take different numbers of steps per epoch ({0}): by epoch they line up.',
      Array.from(new Set(counts)).join(', '));
    note.hidden = false;
  }
  document.getElementById('x-' + axis).checked = true;
}

function draw() {
  const host = document.getElementById('compare-charts');
  charts.splice(0).forEach((c) => c.destroy());
  host.replaceChildren();
  if (!data || !chartsAvailable()) {
    host.appendChild(element('p', 'empty', uiText('js.noCharts', 'Charts are not available.')));
    return;
  }
  const log = document.getElementById('log-scale').checked;
  const weight = Number(document.getElementById('smoothing').value);
  document.getElementById('smoothing-value').textContent = weight.toFixed(2);
  if (data.sharedMetrics.length === 0) {
    host.appendChild(element('p', 'empty', uiText('js.noSharedMetric', 'These runs share no metric.')));
    return;
  }
  const groups = new Map();
  data.sharedMetrics.forEach((metric) => {
    const chart = metric.includes('/') ? metric.slice(0, metric.indexOf('/')) : metric;
    if (!groups.has(chart)) {
      groups.set(chart, []);
    }
    groups.get(chart).push(metric);
  });
  Array.from(groups.entries()).forEach(([chart, metrics], index) => {
    const figure = element('figure', 'view compare-chart');
    figure.id = 'compare-figure-' + index;
    const caption = element('figcaption');
    caption.appendChild(element('span', 'chart-title', chart));
    figure.appendChild(caption);
    const box = element('div', 'chart-box');
    const canvas = document.createElement('canvas');
    canvas.id = 'compare-' + chart.replace(/[^A-Za-z0-9_-]/g, '_');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', chart + ' of the compared runs');
    box.appendChild(canvas);
    figure.appendChild(box);
    host.appendChild(figure);
    // Colour tells the run, the dash tells the series.
    const datasets = metrics.flatMap((metric, m) => data.experiments.map((run, k) => {
      const perEpoch = perEpochNames(run).has(metric);
      const raw = (run.series[metric] || []).map((p) => ({x: xOn(axis, p[0], perEpoch, run.stepsPerEpoch), y: p[1]}));
      const series = metric === chart ? '' : ' · ' + metric.slice(chart.length + 1);
      return {
        label: run.label + series,
        data: smooth(raw, weight),
        borderColor: colorOf(k),
        backgroundColor: colorOf(k),
        borderDash: DASHES[m % DASHES.length],
        pointRadius: raw.length > 60 ? 0 : 2,
        borderWidth: 1.5,
        spanGaps: true
      };
    }));
    canvas.dataset.curves = String(datasets.length);
    canvas.dataset.axis = axis;
    // A loop, not Math.max(...points): 20 runs of thousands of points exceed the engine's argument limit.
    let maxX = 0;
    datasets.forEach((d) => d.data.forEach((p) => {
      maxX = Math.max(maxX, p.x);
    }));
    canvas.dataset.maxX = String(maxX);
    canvas.dataset.labels = datasets.map((d) => d.label).join('|');
    canvas.dataset.colors = datasets.map((d) => d.borderColor).join('|');
    const narrow = textRoute(figure, canvas, chart, datasets);
    charts.push(new window.Chart(canvas, {
      type: 'line',
      data: {datasets: datasets},
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {legend: {display: !narrow}, decimation: {enabled: false}},
        scales: {
          x: {type: 'linear', title: {display: true, text: axis}},
          y: {type: log ? 'logarithmic' : 'linear', title: {display: true, text: chart}}
        }
      }
    }));
  });
}

// A table wider than the page says so above it: the runs past the edge are there, a scroll away.
function scrollCues() {
  root.querySelectorAll('.table-scroll').forEach((scroll) => {
    let cue = scroll.previousElementSibling;
    if (!cue || !cue.classList.contains('scroll-cue')) {
      cue = element('p', 'muted scroll-cue', 'Scroll sideways for more runs →');
      scroll.before(cue);
    }
    cue.hidden = scroll.scrollWidth <= scroll.clientWidth + 1;
  });
}

if (root && root.dataset.ids) {
  scrollCues();
  window.addEventListener('resize', scrollCues);
  if (chartsAvailable()) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  }
  getJson('/api/compare?ids=' + encodeURIComponent(root.dataset.ids)).then((body) => {
    data = body;
    chooseAxis();
    draw();
  });
  document.querySelectorAll('input[name="x-axis"]').forEach((radio) => radio.addEventListener('change', () => {
    axis = radio.value;
    // The choice goes into the address, so a shared comparison opens on the same axis.
    const url = new URL(window.location.href);
    url.searchParams.set('x', axis);
    window.history.replaceState(null, '', url);
    draw();
  }));
  document.getElementById('log-scale').addEventListener('change', draw);
  document.getElementById('smoothing').addEventListener('input', draw);
}

// On a phone the legend of many runs would take the plot's place: it goes below the chart as a list instead. Every
// chart also gets its label (each curve's first, last and best) and its "Show data" table. Returns whether narrow.
function textRoute(figure, canvas, chart, datasets) {
  const series = datasets.map((d) => ({name: d.label, points: d.data}));
  canvas.setAttribute('aria-label', describe(chart + ' of the compared runs', axis, series));
  canvas.dataset.points = String(series.reduce((n, s) => n + s.points.length, 0));
  const narrow = figure.clientWidth > 0 && figure.clientWidth < 600;
  if (narrow) {
    const legend = element('ul', 'view-legend compare-legend');
    datasets.forEach((d) => {
      const item = element('li');
      const swatch = element('span', 'line-swatch');
      swatch.style.borderTopColor = d.borderColor;
      swatch.style.borderTopStyle = d.borderDash.length ? 'dashed' : 'solid';
      item.append(swatch, element('span', null, d.label));
      legend.appendChild(item);
    });
    figure.appendChild(legend);
  }
  dataDisclosure(figure, chart, () => ({
    columns: ['run', axis, chart],
    rows: series.flatMap((s) => s.points.map((p) => [s.name, p.x, p.y]))
  }));
  return narrow;
}

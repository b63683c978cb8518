// Metric charts, kept current from the history and the live event stream.
//
// A metric named `chart/series` is drawn on the chart `chart`, one line per full name: `accuracy/train`
// and `accuracy/test` share the `accuracy` chart, and `loss/normal equation` sits on the `loss` chart.
// A reference series (its name says "normal equation" or "reference") of at most two points is drawn
// dashed: it is a level to compare with, not a history. Points are kept sorted by step; a step that
// arrives twice is drawn once. A metric measured once per epoch (plugin API 1.2) keeps the epoch as its x: a chart
// of such metrics only is drawn by epoch; on a chart with per-step metrics its points move to the epoch's last step.
import {COLORS, chartsAvailable, element, finite, idPart, logToggle, xOn} from './common.js';
import {tickLabel} from './scales.js';
import {FEW_POINTS, dataDisclosure, describe, valuesTable} from './chartdata.js';

const REFERENCE = /normal equation|reference/i;
const REFERENCE_COLOR = '#57606a';

const groups = new Map();   // chart name -> {name, series: [], chart, canvas, dirty}
const metrics = new Map();  // metric name -> {name, label, group, points: [{x, y}], dataset}
let frame = 0;              // pending requestAnimationFrame, 0 when none
let stepsPerEpoch = null;   // as the run's plugin declared, null when unknown
let markers = [];           // live changes [{step, label}], marked on the loss chart
let chartOrder = [];        // the chart names the run's plugin declares, first shown first
const MARKED = 'loss';
const MARKER_COLOR = '#bf3989';

/**
 * Sets the chart order the run's plugin declares (API 1.4): its charts first, in that order, then `loss`, then the
 * rest by name, as the server orders them. Charts drawn before the order arrived (live points) move to their place.
 */
export function setChartOrder(list) {
  chartOrder = Array.isArray(list) ? list.filter((name) => typeof name === 'string') : [];
  const host = document.getElementById('metrics');
  if (!host) {
    return;
  }
  Array.from(host.children).filter((f) => f.dataset && typeof f.dataset.chart === 'string')
    .sort((a, b) => compareCharts(a.dataset.chart, b.dataset.chart))
    .forEach((figure) => host.appendChild(figure));
}

function chartRank(name) {
  const at = chartOrder.indexOf(name);
  if (at >= 0) {
    return at;
  }
  return chartOrder.length + (name === 'loss' ? 0 : 1);
}

// The server's order (ChartOrder): declared rank, then the name by UTF-16 code unit, as Java's String.compareTo.
function compareCharts(a, b) {
  const rank = chartRank(a) - chartRank(b);
  if (rank !== 0) {
    return rank;
  }
  return a < b ? -1 : (a > b ? 1 : 0);
}

/** Marks steps on the loss chart, such as where the learning rate changed: [{step, label}]. */
export function setMarkers(list) {
  markers = Array.isArray(list) ? list.filter((m) => m && typeof m.step === 'number') : [];
  const group = groups.get(MARKED);
  if (group) {
    schedule(group);
  }
}

// The value a chart's main series has at a step: its last point at or before it, else its first.
function valueAt(points, step) {
  let found = null;
  for (const p of points) {
    if (p.x > step) {
      break;
    }
    found = p;
  }
  return found ? found.y : points.length > 0 ? points[0].y : null;
}

// The markers as one more dataset of points, on the first series' curve, labelled in the tooltip.
function markerData(group, shown) {
  const main = group.series.find((s) => !isReference(s)) || group.series[0];
  if (!main || group.name !== MARKED || markers.length === 0) {
    return null;
  }
  const points = shown.get(main) || [];
  // Before the curve has a point (a run paused in its first second), a change sits on the axis at its step.
  const data = markers.map((m) => ({x: m.step, y: valueAt(points, m.step) ?? 0, label: m.label}));
  return data;
}

/** Returns the chart a metric is drawn on: the part of its name before the first `/`. */
export function chartName(name) {
  const k = name.indexOf('/');
  return k > 0 ? name.slice(0, k) : name;
}

/** Returns a metric's legend label: the part of its name after the first `/`, else the whole name. */
export function seriesLabel(name) {
  const k = name.indexOf('/');
  return k > 0 && k < name.length - 1 ? name.slice(k + 1) : name;
}

function isReference(s) {
  return REFERENCE.test(s.name) && s.points.length <= 2;
}

/** Takes the run's steps per epoch, once its plugin declared them. */
export function setStepsPerEpoch(steps) {
  if (typeof steps === 'number' && steps > 0 && steps !== stepsPerEpoch) {
    stepsPerEpoch = steps;
    groups.forEach(schedule);
  }
}

/** Adds live points, each {name, step, value, perEpoch}. */
export function addLivePoints(points) {
  for (const p of points) {
    if (p && typeof p.name === 'string' && typeof p.step === 'number') {
      const s = metric(p.name);
      s.perEpoch = s.perEpoch || p.perEpoch === true;
      addPoint(s, p.step, p.value);
      schedule(s.group);
    }
  }
}

/**
 * Merges a history {name: [[step, value], ...]} with the points already drawn; the metrics named in perEpoch hold
 * epochs as their x.
 */
export function addHistory(series, perEpoch) {
  if (!series || typeof series !== 'object') {
    return;
  }
  const epochs = new Set(Array.isArray(perEpoch) ? perEpoch : []);
  for (const name of Object.keys(series)) {
    const s = metric(name);
    s.perEpoch = s.perEpoch || epochs.has(name);
    mergeHistory(s, series[name]);
    schedule(s.group);
  }
}

function metric(name) {
  let s = metrics.get(name);
  if (!s) {
    const group = chartGroup(chartName(name));
    s = {name: name, label: seriesLabel(name), group: group, points: [], dataset: null, perEpoch: false};
    metrics.set(name, s);
    group.series.push(s);
    // The chart's own series first, references last, the rest in the order they came.
    group.series.sort((a, b) => rank(a, group) - rank(b, group));
    if (group.chart) {
      s.dataset = {
        label: s.label, data: [], borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 3, spanGaps: true
      };
      group.series.forEach((t, k) => {
        const color = REFERENCE.test(t.name) ? REFERENCE_COLOR : COLORS[k % COLORS.length];
        t.dataset.borderColor = color;
        t.dataset.backgroundColor = color;
      });
      group.chart.data.datasets = group.series.map((t) => t.dataset);
      group.chart.options.plugins.legend.display = group.series.length > 1;
    }
  }
  return s;
}

function rank(s, group) {
  if (s.name === group.name) {
    return 0;
  }
  return REFERENCE.test(s.name) ? 2 : 1;   // a stable sort keeps the order of arrival within a rank
}

function chartGroup(name) {
  let group = groups.get(name);
  if (!group) {
    group = {name: name, series: [], chart: null, canvas: null, dirty: false};
    groups.set(name, group);
    createFigure(group);
  }
  return group;
}

function createFigure(group) {
  const host = document.getElementById('metrics');
  const empty = document.getElementById('metrics-empty');
  if (empty) {
    empty.remove();
  }
  const figure = element('figure', 'chart metric');
  figure.id = 'metric-' + idPart(group.name);
  const caption = element('figcaption');
  caption.appendChild(element('span', 'chart-title', group.name));
  const box = logToggle(caption, 'log-' + idPart(group.name), 'log scale');
  const holder = element('div', 'chart-box');
  const canvas = document.createElement('canvas');
  canvas.id = 'chart-' + idPart(group.name);
  canvas.dataset.points = '0';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', group.name + ' by step');
  holder.appendChild(canvas);
  // Series of one or two points (a per-epoch metric after one epoch, a test score measured once) are listed as
  // values here instead of a line on an axis stretched around them.
  const values = element('div', 'chart-values-box');
  values.hidden = true;
  figure.append(caption, holder, values);
  // In chart order, wherever the metrics came from: before the first chart that sorts after this one.
  figure.dataset.chart = group.name;
  const next = Array.from(host.children).find((f) => f.dataset && typeof f.dataset.chart === 'string'
    && compareCharts(f.dataset.chart, group.name) > 0);
  if (next) {
    host.insertBefore(figure, next);
  } else {
    host.appendChild(figure);
  }
  group.canvas = canvas;
  group.figure = figure;
  group.holder = holder;
  group.values = values;
  group.data = dataDisclosure(figure, group.name, () => tableOf(group));

  if (!chartsAvailable()) {
    box.disabled = true;
    return;
  }
  group.chart = new window.Chart(canvas, {
    type: 'line',
    data: {datasets: []},
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: {mode: 'nearest', axis: 'x', intersect: false},
      plugins: {
        legend: {display: false, labels: {boxWidth: 18, boxHeight: 2}},
        // Past a few thousand points a line is drawn from a representative subset.
        decimation: {enabled: true, algorithm: 'lttb'}
      },
      scales: {
        x: {type: 'linear', title: {display: true, text: 'step'}, ticks: {maxTicksLimit: 8}},
        y: axis(group.name, false)
      }
    }
  });
  box.addEventListener('change', () => {
    // A new axis object, so the tick labels follow the scale type's defaults.
    group.chart.options.scales.y = axis(group.name, box.checked);
    group.chart.update('none');
  });
}

function axis(name, logarithmic) {
  const scale = {type: logarithmic ? 'logarithmic' : 'linear', title: {display: true, text: name}};
  if (logarithmic) {
    // Label the powers of ten, or every tick when the axis spans less than a decade.
    const decade = (v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-6;
    scale.ticks = {callback: (value, index, ticks) => (!ticks.some((t) => decade(t.value)) || decade(value) ? tickLabel(value) : '')};
  }
  return scale;
}

// Adds one live point, keeping the points sorted by step; a step already present keeps its value.
function addPoint(s, step, value) {
  const points = s.points;
  const n = points.length;
  if (n === 0 || points[n - 1].x < step) {
    points.push({x: step, y: finite(value)});
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid].x < step) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (points[lo].x !== step) {
    points.splice(lo, 0, {x: step, y: finite(value)});
  }
}

// Merges a history of [step, value] pairs with the points already there, in one pass.
function mergeHistory(s, pairs) {
  if (!Array.isArray(pairs)) {
    return;
  }
  const incoming = [];
  for (const pair of pairs) {
    if (Array.isArray(pair) && typeof pair[0] === 'number') {
      incoming.push({x: pair[0], y: finite(pair[1])});
    }
  }
  incoming.sort((a, b) => a.x - b.x);
  const current = s.points;
  const merged = [];
  let i = 0;
  let j = 0;
  while (i < current.length || j < incoming.length) {
    let next;
    if (j >= incoming.length || (i < current.length && current[i].x < incoming[j].x)) {
      next = current[i++];
    } else if (i >= current.length || incoming[j].x < current[i].x) {
      next = incoming[j++];
    } else {
      next = current[i++];
      j++;
    }
    if (merged.length === 0 || merged[merged.length - 1].x !== next.x) {
      merged.push(next);
    }
  }
  s.points = merged;
}

function schedule(group) {
  group.dirty = true;
  if (!frame) {
    frame = window.requestAnimationFrame(draw);
  }
}

// Redraws the charts whose points changed, at most once per animation frame.
function draw() {
  frame = 0;
  for (const group of groups.values()) {
    if (!group.dirty) {
      continue;
    }
    group.dirty = false;
    let total = 0;
    for (const s of group.series) {
      total += s.points.length;
    }
    group.canvas.dataset.points = String(total);
    const byEpoch = group.series.every((s) => s.perEpoch);
    const unit = byEpoch ? 'epoch' : 'step';
    group.unit = unit;
    const described = describe(group.name, unit, storedSeries(group));
    group.canvas.setAttribute('aria-label', described);
    group.data.update();
    const few = group.series.every((s) => s.points.length < FEW_POINTS);
    group.figure.dataset.shown = few ? 'values' : 'line';
    group.holder.hidden = few;
    group.values.hidden = !few;
    if (few) {
      valuesTable(group.values, group.name, unit, storedSeries(group));
      continue;
    }
    if (!group.chart) {
      continue;
    }
    if (group.chart.options.scales.x.title.text !== unit) {
      group.chart.options.scales.x.title.text = unit;
    }
    group.canvas.dataset.axis = unit;
    // A fresh array each time: Chart.js patches the arrays it is given, and the decimation plugin
    // swaps the dataset's data for its own subset.
    const shown = new Map(group.series.map((s) => [s, byEpoch
      ? s.points.slice() : s.points.map((p) => ({x: xOn('step', p.x, s.perEpoch, stepsPerEpoch), y: p.y}))]));
    const span = stepSpan(group, shown);
    for (const s of group.series) {
      const reference = isReference(s);
      let data = shown.get(s);
      if (reference && span) {
        // A level to compare with, drawn across the steps the other series have reached so far.
        data = level(data, span);
      }
      s.dataset.data = data;
      s.dataset.borderDash = reference ? [6, 4] : [];
      s.dataset.pointRadius = data.length === 1 ? 3 : 0;
    }
    const marked = markerData(group, shown);
    group.canvas.dataset.markers = String(marked ? marked.length : 0);
    group.canvas.dataset.markerSteps = marked ? marked.map((p) => p.x).join(',') : '';
    if (marked) {
      if (!group.markerDataset) {
        group.markerDataset = {
          label: 'changes', data: [], showLine: false, pointStyle: 'triangle', pointRadius: 7, pointHoverRadius: 9,
          borderColor: MARKER_COLOR, backgroundColor: MARKER_COLOR
        };
        group.chart.options.plugins.tooltip = {
          callbacks: {label: (item) => (item.raw && item.raw.label ? item.raw.label : undefined)}
        };
      }
      group.markerDataset.data = marked;
    }
    const datasets = group.series.map((t) => t.dataset);
    if (marked && group.markerDataset) {
      datasets.push(group.markerDataset);
    }
    group.chart.data.datasets = datasets;
    group.chart.update('none');
  }
}

// Clips a reference line of one or two points to the span [lo, hi], or stretches one point over it.
function level(points, span) {
  const [lo, hi] = span;
  if (points.length === 1) {
    return points[0].y === null ? points : [{x: lo, y: points[0].y}, {x: hi, y: points[0].y}];
  }
  const [a, b] = points;
  if (a.y === null || b.y === null || b.x <= a.x) {
    return points;
  }
  const at = (x) => ({x: x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)});
  const from = Math.max(a.x, lo);
  const to = Math.min(b.x, hi);
  return from < to ? [at(from), at(to)] : [];
}

function stepSpan(group, shown) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of group.series) {
    const points = shown.get(s);
    if (points.length > 0 && !isReference(s)) {
      lo = Math.min(lo, points[0].x);
      hi = Math.max(hi, points[points.length - 1].x);
    }
  }
  return lo < hi ? [lo, hi] : null;
}

// Each series' points at the x they are stored with: the epoch for a per-epoch chart, else the step, as drawn.
function storedSeries(group) {
  const byEpoch = group.series.every((s) => s.perEpoch);
  return group.series.map((s) => ({
    name: s.label,
    points: byEpoch ? s.points : s.points.map((p) => ({x: xOn('step', p.x, s.perEpoch, stepsPerEpoch), y: p.y}))
  }));
}

// What the "Show data" table lists: one row per stored point of every series, the points the chart draws from.
function tableOf(group) {
  const rows = [];
  for (const s of storedSeries(group)) {
    for (const p of s.points) {
      rows.push([s.name, p.x, p.y]);
    }
  }
  return {columns: ['series', group.unit || 'step', group.name], rows: rows};
}

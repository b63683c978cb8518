// The views a plugin returns with its result (XyChart, TableView, Heatmap, ConfusionMatrix, BarChart, ImageGallery,
// TextView, Formulas), each drawn in a `figure.view#view-figure-{i}` whose chart or table is `#view-{i}`.
import {COLORS, chartsAvailable, element, finite, list, toNumber} from './common.js';
import {renderFormulas} from './formulas.js';
import {renderGallery, renderText} from './gallery.js';
import {renderHeatmap} from './heatmap.js';
import {FEW_POINTS, dataDisclosure, describe, valuesTable} from './chartdata.js';
import {chartPointStyle, classStyle, hasClassStyle} from './marks.js';

// View type -> how to draw it and the figure's class.
const RENDERERS = {
  XyChart: {render: renderXyChart, kind: 'view-chart'},
  TableView: {render: renderTable, kind: 'view-table'},
  Heatmap: {render: renderHeatmap, kind: 'view-heatmap'},
  ConfusionMatrix: {render: renderConfusion, kind: 'view-confusion'},
  BarChart: {render: renderBarChart, kind: 'view-chart view-bar'},
  ImageGallery: {render: renderGallery, kind: 'view-gallery'},
  TextView: {render: renderText, kind: 'view-text-figure'},
  Formulas: {render: renderFormulas, kind: 'view-formulas'}
};

// Charts drawn into each host, destroyed when the host is redrawn; a prediction's views live beside the run's.
const chartsByHost = new WeakMap();
let charts = [];

/**
 * Replaces the views in `host` with these. `idPrefix` keeps element ids unique when several hosts show views
 * (the run's views and a prediction's).
 */
export function renderViews(host, views, idPrefix = '') {
  (chartsByHost.get(host) || []).forEach((chart) => chart.destroy());
  charts = [];
  chartsByHost.set(host, charts);
  host.replaceChildren();
  // The heat maps' classes take their styles first, so a scatter of the same classes draws them alike.
  views.filter((view) => view && view.type === 'Heatmap').forEach((view) => list(view.overlay)
    .filter((s) => s && s.style !== 'LINE').forEach((s) => classStyle(String(s.name || ''))));
  views.forEach((view, position) => {
    const index = idPrefix + position;
    const renderer = view && Object.prototype.hasOwnProperty.call(RENDERERS, view.type) ? RENDERERS[view.type] : null;
    if (!renderer) {
      console.warn('Lectern: skipping a view of unknown type', view && view.type);
      return;
    }
    const figure = element('figure', 'view ' + renderer.kind);
    figure.id = 'view-figure-' + index;
    const caption = element('figcaption');
    caption.appendChild(element('span', 'chart-title', view.title || ''));
    figure.appendChild(caption);
    host.appendChild(figure);
    try {
      renderer.render(figure, view, index);
    } catch (error) {
      console.warn('Lectern: could not draw view', index, error);
      figure.appendChild(element('p', 'empty', 'This view could not be drawn.'));
    }
  });
}

function chartCanvas(figure, view, index) {
  const holder = element('div', 'chart-box');
  const canvas = document.createElement('canvas');
  canvas.id = 'view-' + index;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', view.title || 'chart');
  holder.appendChild(canvas);
  figure.appendChild(holder);
  return canvas;
}

function renderXyChart(figure, view, index) {
  const series = list(view.series).map((s) => {
    const xs = list(s.x).map(toNumber);
    const ys = list(s.y).map(toNumber);
    const points = [];
    for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
      if (finite(xs[i]) !== null && finite(ys[i]) !== null) {
        points.push({x: xs[i], y: ys[i]});
      }
    }
    return {name: String(s.name || ''), line: s.style === 'LINE' || s.style === 'ARROW', points: points};
  });
  const xName = view.xLabel || 'x';
  const title = view.title || 'chart';
  const total = series.reduce((n, s) => n + s.points.length, 0);
  figure.dataset.points = String(total);
  if (series.length > 0 && series.every((s) => s.points.length < FEW_POINTS)) {
    // One or two points make no line worth an axis: the values themselves.
    figure.dataset.shown = 'values';
    const box = element('div', 'chart-values-box');
    figure.appendChild(box);
    valuesTable(box, title, xName, series);
  } else {
    figure.dataset.shown = 'line';
    const canvas = chartCanvas(figure, view, index);
    canvas.dataset.points = String(total);
    canvas.setAttribute('aria-label', describe(title, xName, series, null));
    figure.dataset.classStyles = series.filter((s) => !s.line && hasClassStyle(s.name))
      .map((s) => s.name + '=' + classStyle(s.name).color + '/' + classStyle(s.name).shape).join('|');
    if (chartsAvailable()) {
      drawXyChart(canvas, view, series);
    }
  }
  dataDisclosure(figure, title, () => ({
    columns: ['series', xName, view.yLabel || 'y'],
    rows: series.flatMap((s) => s.points.map((p) => [s.name, p.x, p.y]))
  }));
}

function drawXyChart(canvas, view, series) {
  const datasets = series.map((s, k) => {
    const line = s.line;
    const color = COLORS[k % COLORS.length];
    const dataset = {
      label: s.name, data: s.points.slice(), showLine: line, order: line ? 0 : 1, pointStyle: line ? 'line' : 'circle',
      borderColor: color, backgroundColor: line ? color : color + '88',
      borderWidth: line ? 2 : 1, pointRadius: line ? 0 : 3, pointHoverRadius: line ? 3 : 5
    };
    // A class the heat map also shows keeps its colour and mark here.
    return !line && hasClassStyle(s.name) ? Object.assign(dataset, chartPointStyle(classStyle(s.name)), {pointRadius: 4})
      : dataset;
  });
  charts.push(new window.Chart(canvas, {
    type: 'scatter',
    data: {datasets: datasets},
    options: {
      animation: false,
      parsing: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: {
          display: datasets.length > 1,
          // Lines are drawn over points (order), but listed as the plugin gave them.
          labels: {usePointStyle: true, boxHeight: 7, sort: (a, b) => a.datasetIndex - b.datasetIndex}
        }
      },
      scales: {
        x: {type: 'linear', title: {display: !!view.xLabel, text: view.xLabel || ''}},
        y: {type: 'linear', title: {display: !!view.yLabel, text: view.yLabel || ''}}
      }
    }
  }));
}

function renderBarChart(figure, view, index) {
  const canvas = chartCanvas(figure, view, index);
  const categories = list(view.categories).map(String);
  const title = view.title || 'bar chart';
  const bars = list(view.series).map((s) => ({
    name: String(s.name || ''), values: list(s.values).map((v) => finite(toNumber(v)))
  }));
  canvas.dataset.points = String(bars.reduce((n, s) => n + s.values.length, 0));
  canvas.setAttribute('aria-label', title + '; ' + bars.map((s) => (bars.length > 1 ? s.name + ': ' : '')
    + categories.map((c, k) => c + ' ' + (s.values[k] === null || s.values[k] === undefined ? '—'
      : String(Number(s.values[k].toPrecision(4))))).join(', ')).join('; '));
  dataDisclosure(figure, title, () => ({
    columns: ['category', ...bars.map((s) => s.name || view.valueLabel || 'value')],
    rows: categories.map((c, k) => [c, ...bars.map((s) => (s.values[k] === undefined ? null : s.values[k]))])
  }));
  if (!chartsAvailable()) {
    return;
  }
  const datasets = list(view.series).map((s, k) => ({
    label: String(s.name || ''),
    data: list(s.values).map((v) => finite(toNumber(v))),
    backgroundColor: COLORS[k % COLORS.length] + 'cc',
    borderColor: COLORS[k % COLORS.length],
    borderWidth: 1
  }));
  charts.push(new window.Chart(canvas, {
    type: 'bar',
    data: {labels: list(view.categories).map(String), datasets: datasets},
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {legend: {display: datasets.length > 1}},
      scales: {
        x: {ticks: {autoSkip: false, maxRotation: 60}},
        y: {title: {display: !!view.valueLabel, text: view.valueLabel || ''}}
      }
    }
  }));
}

// A table may be wider than a phone: it scrolls inside a region that the keyboard can reach and that is named.
function scrollRegion(label) {
  const scroll = element('div', 'table-scroll');
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', label || 'table');
  return scroll;
}

function renderTable(figure, view, index) {
  if (list(view.headers).length > 4) {
    // A table of many columns (the CNN's layer table, the LSTM's RMSE table) gets the whole row, so that at a
    // desktop's width its last columns are on screen rather than behind a scroll bar in half a row.
    figure.classList.add('wide');
  }
  const scroll = scrollRegion(view.title);
  const table = element('table', 'data');
  table.id = 'view-' + index;
  const head = element('thead');
  const headRow = element('tr');
  list(view.headers).forEach((header) => {
    const cell = element('th', null, header);
    cell.scope = 'col';
    headRow.appendChild(cell);
  });
  head.appendChild(headRow);
  const body = element('tbody');
  list(view.rows).forEach((cells) => {
    const row = element('tr');
    list(cells).forEach((value) => row.appendChild(element('td', null, value === null || value === undefined ? '' : value)));
    body.appendChild(row);
  });
  table.append(head, body);
  scroll.appendChild(table);
  figure.appendChild(scroll);
}

// Rows are the true classes, columns the predicted ones. A cell is shaded by its share of its row: the
// diagonal (right answers) in blue, the rest (mistakes) in red, so a good model shows a blue diagonal.
function renderConfusion(figure, view, index) {
  const labels = list(view.labels).map(String);
  const n = labels.length;
  const counts = labels.map((_, t) => labels.map((__, p) => {
    const v = Number(list(list(view.counts)[t])[p]);
    return isFinite(v) ? v : 0;
  }));
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = labels.map((_, p) => counts.reduce((a, row) => a + row[p], 0));
  const total = rowTotals.reduce((a, b) => a + b, 0);
  const correct = counts.reduce((a, row, t) => a + row[t], 0);

  const table = element('table', n > 5 ? 'confusion compact' : 'confusion');
  table.id = 'view-' + index;
  const head = element('thead');
  const axisRow = element('tr');
  axisRow.appendChild(element('td', 'corner'));
  const predicted = element('th', 'axis', 'predicted →');
  predicted.colSpan = n;
  predicted.scope = 'colgroup';
  axisRow.append(predicted, element('td', 'corner'));
  const labelRow = element('tr');
  labelRow.appendChild(element('th', 'axis', 'true ↓'));
  labels.forEach((label) => {
    const cell = element('th', null, label);
    cell.scope = 'col';
    labelRow.appendChild(cell);
  });
  const totalHead = element('th', 'total', 'total');
  totalHead.scope = 'col';
  labelRow.appendChild(totalHead);
  head.append(axisRow, labelRow);

  const body = element('tbody');
  counts.forEach((row, t) => {
    const tr = element('tr');
    const th = element('th', null, labels[t]);
    th.scope = 'row';
    tr.appendChild(th);
    row.forEach((count, p) => {
      const share = rowTotals[t] > 0 ? count / rowTotals[t] : 0;
      const cell = element('td', t === p ? 'hit' : 'miss', count);
      cell.title = 'true ' + labels[t] + ', predicted ' + labels[p] + ': ' + count
        + (rowTotals[t] > 0 ? ' (' + (100 * share).toFixed(1) + '% of ' + labels[t] + ')' : '');
      if (count > 0) {
        // At least a tint for any count, so that a rare mistake is not lost.
        const shade = cellShade(t === p ? HIT : MISS, 0.08 + 0.82 * share);
        cell.style.backgroundColor = shade.background;
        cell.classList.add(shade.dark ? 'dark' : 'light');
      }
      tr.appendChild(cell);
    });
    tr.appendChild(element('td', 'total', rowTotals[t]));
    body.appendChild(tr);
  });
  const foot = element('tfoot');
  const footRow = element('tr');
  const footHead = element('th', 'total', 'total');
  footHead.scope = 'row';
  footRow.appendChild(footHead);
  colTotals.forEach((count) => footRow.appendChild(element('td', 'total', count)));
  footRow.appendChild(element('td', 'total', total));
  foot.appendChild(footRow);
  table.append(head, body, foot);

  const scroll = scrollRegion(view.title || 'confusion matrix');
  scroll.appendChild(table);
  figure.appendChild(scroll);
  if (n > 6) {
    figure.classList.add('wide');   // ten classes need the whole row
  }
  if (total > 0) {
    figure.appendChild(element('p', 'view-note', 'accuracy ' + (100 * correct / total).toFixed(1) + '% — '
      + correct + ' of ' + total + ' on the diagonal'));
  }
}

// Confusion-matrix shading: the hue at a strength (0..1) over white, painted opaque, with white or dark text,
// whichever reaches 4.5:1 (WCAG 1.4.3) on it. Between light and dark tints lies a band where neither text does:
// a cell that falls there is shaded a little darker, until white text does.
const HIT = [47, 102, 144];
const MISS = [192, 66, 47];
const WHITE = [255, 255, 255];
const DARK_TEXT = [31, 35, 40];

export function cellShade(rgb, strength) {
  let alpha = Math.min(1, Math.max(0, strength));
  for (;;) {
    const colour = rgb.map((c) => Math.round(255 + (c - 255) * alpha));
    const onWhite = contrastRatio(colour, WHITE);
    const onDark = contrastRatio(colour, DARK_TEXT);
    if (onDark >= 4.5 && onDark >= onWhite) {
      return {background: 'rgb(' + colour.join(', ') + ')', dark: false};
    }
    if (onWhite >= 4.5 || alpha >= 1) {
      return {background: 'rgb(' + colour.join(', ') + ')', dark: true};
    }
    alpha = Math.min(1, alpha + 0.01);
  }
}

/** The WCAG contrast ratio of two sRGB colours given as [r, g, b], 0..255. */
export function contrastRatio(a, b) {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

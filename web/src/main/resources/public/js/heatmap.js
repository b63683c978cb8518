// A heat map view: values on a grid as a colour map with contour lines, series drawn over it in data
// coordinates, axes, a colour bar, and a read-out of x, y and the value under the pointer.
import {element, list, logToggle, toNumber} from './common.js';
import {contourLines} from './contours.js';
import {classStyle, drawSeries, legend, overlaySeries} from './marks.js';
import {PALETTE, linearTicks, logTicks, paletteColor, readout, tickLabel} from './scales.js';
import {dataDisclosure} from './chartdata.js';

const FONT_SIZE = 12;

/** Draws a heat map view into its figure; `index` names the canvas `view-{index}`. */
export function renderHeatmap(figure, view, index) {
  const map = parse(view);
  if (!map) {
    figure.appendChild(element('p', 'empty', 'This heat map has no grid to draw.'));
    return;
  }
  const caption = figure.querySelector('figcaption');
  const box = logToggle(caption, 'log-view-' + index, 'log colours');
  box.disabled = !(map.min > 0);
  box.checked = map.min > 0 && /cost|loss/i.test(map.valueLabel);
  map.log = box.checked;

  const holder = element('div', 'chart-box heatmap-box');
  const canvas = document.createElement('canvas');
  canvas.id = 'view-' + index;
  canvas.setAttribute('role', 'img');
  const extreme = (v) => {
    for (let i = 0; i < map.ys.length; i++) {
      const j = map.values[i].indexOf(v);
      if (j >= 0) {
        return ' at ' + map.xLabel + ' ' + map.xNames[j] + ', ' + map.yLabel + ' ' + map.yNames[i];
      }
    }
    return '';
  };
  canvas.setAttribute('aria-label', (view.title || 'heat map') + ': ' + map.valueLabel + ' from ' + readout(map.min)
      + extreme(map.min) + ' to ' + readout(map.max) + extreme(map.max) + ' over ' + map.xLabel + ' and '
      + map.yLabel + (map.discrete ? ', ' + map.xs.length + ' by ' + map.ys.length + ' cells' : ''));
  canvas.dataset.points = String(map.xs.length * map.ys.length);
  canvas.dataset.cells = map.discrete ? 'true' : 'false';
  const tip = element('div', 'heatmap-tip');
  tip.hidden = true;
  holder.append(canvas, tip);
  figure.appendChild(holder);
  if (map.overlay.length > 0) {
    figure.appendChild(legend(map.overlay));
  }
  // Which colour and mark each class has, for a test to hold against the other charts of the page.
  figure.dataset.classStyles = map.overlay.filter((s) => !s.line)
    .map((s) => s.name + '=' + s.style.color + '/' + classStyle(s.name).shape).join('|');
  dataDisclosure(figure, view.title || 'heat map', () => {
    const rows = [];
    map.values.forEach((row, i) => row.forEach((v, j) => rows.push([map.xNames[j], map.yNames[i], v])));
    return {columns: [map.xLabel, map.yLabel, map.valueLabel], rows: rows};
  });

  let frame = 0;
  const redraw = () => {
    frame = 0;
    draw(canvas, map);
  };
  const later = () => {
    if (!frame) {
      frame = window.requestAnimationFrame(redraw);
    }
  };
  box.addEventListener('change', () => {
    map.log = box.checked;
    map.image = null;
    later();
  });
  if (window.ResizeObserver) {
    new ResizeObserver(later).observe(holder);
  } else {
    window.addEventListener('resize', later);
  }
  redraw();
  canvas.addEventListener('pointermove', (event) => hover(canvas, tip, map, event));
  canvas.addEventListener('pointerleave', () => {
    tip.hidden = true;
  });
}

function parse(view) {
  const xs = list(view.x).map(toNumber);
  const ys = list(view.y).map(toNumber);
  const values = list(view.values).map((row) => list(row).map(toNumber));
  if (xs.length < 2 || ys.length < 2 || values.length !== ys.length || values.some((row) => row.length !== xs.length)
      || !xs.every(isFinite) || !ys.every(isFinite)) {
    return null;
  }
  let min = Infinity;
  let max = -Infinity;
  for (const row of values) {
    for (const v of row) {
      if (isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  if (!isFinite(min)) {
    return null;
  }
  const overlay = overlaySeries(list(view.overlay).filter((s) => s && typeof s === 'object').map((s) => ({
    name: String(s.name || ''), line: s.style === 'LINE' || s.style === 'ARROW', arrow: s.style === 'ARROW',
    x: list(s.x).map(toNumber), y: list(s.y).map(toNumber)
  })));
  // Named columns or rows (plugin API 1.4) make a map of discrete cells: one colour per value, the names as ticks.
  const names = (given, coordinates) => (given.length === coordinates.length ? given.map(String)
    : coordinates.map((v) => readout(v)));
  const xCategories = list(view.xCategories);
  const yCategories = list(view.yCategories);
  const discrete = xCategories.length === xs.length || yCategories.length === ys.length;
  return {
    discrete: discrete, xNames: names(xCategories, xs), yNames: names(yCategories, ys),
    xs: xs, ys: ys, values: values, min: min, max: max, log: false, image: null,
    levels: list(view.contours).map(toNumber).filter((v) => isFinite(v) && v >= min && v <= max),
    overlay: overlay,
    xLabel: view.xLabel || 'x', yLabel: view.yLabel || 'y', valueLabel: view.valueLabel || 'value'
  };
}

/** Maps a value to [0, 1] on the colour scale, NaN when it has no colour. */
function position(map, v) {
  if (!isFinite(v)) {
    return NaN;
  }
  if (map.max === map.min) {
    return 0.5;
  }
  if (map.log) {
    return v > 0 ? (Math.log(v) - Math.log(map.min)) / (Math.log(map.max) - Math.log(map.min)) : NaN;
  }
  return (v - map.min) / (map.max - map.min);
}

/** Finds k with a[k] <= v <= a[k+1] and the fraction of the way, for ascending a. */
function locate(a, v) {
  let lo = 0;
  let hi = a.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (a[mid] <= v) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  const span = a[lo + 1] - a[lo];
  return [lo, span > 0 ? Math.max(0, Math.min(1, (v - a[lo]) / span)) : 0];
}

/** Interpolates a grid bilinearly at (x, y); NaN when a neighbouring value is missing. */
function interpolate(map, grid, x, y) {
  const [j, fx] = locate(map.xs, x);
  const [i, fy] = locate(map.ys, y);
  const a = grid[i][j];
  const b = grid[i][j + 1];
  const c = grid[i + 1][j];
  const d = grid[i + 1][j + 1];
  return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
}

function fontFamily() {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

// Where a coordinate falls among the cells: its index, fractional between two columns' coordinates.
function cellIndex(a, v) {
  const [k, f] = locate(a, v);
  return k + f;
}

// Labels every k-th cell so that neighbouring labels do not overlap.
function every(names, room, size) {
  return Math.max(1, Math.ceil(size / Math.max(1, room)));
}

function cellLayout(ctx, map, width, height) {
  const yWidth = Math.max(...map.yNames.map((n) => ctx.measureText(n).width));
  const colorTicks = map.log ? logTicks(map.min, map.max, 6) : linearTicks(map.min, map.max, 6).values;
  const colorStep = map.log ? 0 : linearTicks(map.min, map.max, 6).step;
  const cWidth = Math.max(...colorTicks.map((v) => ctx.measureText(tickLabel(v, colorStep)).width));
  const left = Math.ceil(yWidth) + 30;
  const right = Math.ceil(cWidth) + 60;
  const plot = {left: left, top: 10, width: Math.max(40, width - left - right), height: Math.max(40, height - 10 - 46)};
  const nx = map.xs.length;
  const ny = map.ys.length;
  plot.cellWidth = plot.width / nx;
  plot.cellHeight = plot.height / ny;
  plot.toX = (x) => plot.left + (cellIndex(map.xs, x) + 0.5) * plot.cellWidth;
  plot.toY = (y) => plot.top + (ny - 0.5 - cellIndex(map.ys, y)) * plot.cellHeight;
  plot.cellAt = (px, py) => ({
    j: Math.min(nx - 1, Math.max(0, Math.floor((px - plot.left) / plot.cellWidth))),
    i: Math.min(ny - 1, Math.max(0, ny - 1 - Math.floor((py - plot.top) / plot.cellHeight)))
  });
  const xWidest = Math.max(...map.xNames.map((n) => ctx.measureText(n).width));
  plot.xEvery = every(map.xNames, plot.cellWidth, xWidest + 8);
  plot.yEvery = every(map.yNames, plot.cellHeight, FONT_SIZE + 4);
  plot.colorTicks = colorTicks;
  plot.colorStep = colorStep;
  return plot;
}

function layout(ctx, map, width, height) {
  if (map.discrete) {
    return cellLayout(ctx, map, width, height);
  }
  const yTicks = linearTicks(map.ys[0], map.ys[map.ys.length - 1], Math.max(3, Math.round(height / 60)));
  const yWidth = Math.max(...yTicks.values.map((v) => ctx.measureText(tickLabel(v, yTicks.step)).width));
  const colorTicks = map.log ? logTicks(map.min, map.max, 6) : linearTicks(map.min, map.max, 6).values;
  const colorStep = map.log ? 0 : linearTicks(map.min, map.max, 6).step;
  const cWidth = Math.max(...colorTicks.map((v) => ctx.measureText(tickLabel(v, colorStep)).width));
  const left = Math.ceil(yWidth) + 30;
  const right = Math.ceil(cWidth) + 60;
  const plot = {left: left, top: 10, width: Math.max(40, width - left - right), height: Math.max(40, height - 10 - 46)};
  const x0 = map.xs[0];
  const x1 = map.xs[map.xs.length - 1];
  const y0 = map.ys[0];
  const y1 = map.ys[map.ys.length - 1];
  plot.toX = (x) => plot.left + (x - x0) / (x1 - x0) * plot.width;
  plot.toY = (y) => plot.top + (y1 - y) / (y1 - y0) * plot.height;
  plot.fromX = (px) => x0 + (px - plot.left) / plot.width * (x1 - x0);
  plot.fromY = (py) => y1 - (py - plot.top) / plot.height * (y1 - y0);
  plot.yTicks = yTicks;
  plot.xTicks = linearTicks(x0, x1, Math.max(3, Math.round(plot.width / 90)));
  plot.colorTicks = colorTicks;
  plot.colorStep = colorStep;
  return plot;
}

function draw(canvas, map) {
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) {
    return;
  }
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.font = FONT_SIZE + 'px ' + fontFamily();
  const plot = layout(ctx, map, width, height);
  map.plot = plot;

  ctx.fillStyle = '#e8e6df';   // where the map has no value
  ctx.fillRect(plot.left, plot.top, plot.width, plot.height);
  if (map.discrete) {
    drawCells(ctx, map, plot);
  } else {
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(colorImage(map, plot, ratio), plot.left, plot.top, plot.width, plot.height);
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.width, plot.height);
  ctx.clip();
  if (!map.discrete) {
    drawContours(ctx, map, plot);   // lines between cells would claim values the grid does not have
  }
  map.overlay.forEach((s) => drawSeries(ctx, s, plot));
  ctx.restore();

  ctx.strokeStyle = '#8c8f94';
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.left - 0.5, plot.top - 0.5, plot.width + 1, plot.height + 1);
  drawAxes(ctx, map, plot);
  drawColorBar(ctx, map, plot);
}

// One rectangle per value, in its colour; missing values stay the background's.
function drawCells(ctx, map, plot) {
  const ny = map.ys.length;
  map.values.forEach((row, i) => row.forEach((v, j) => {
    const t = position(map, v);
    if (isFinite(t)) {
      ctx.fillStyle = paletteColor(t);
      // Rounded edges, so neighbouring cells meet without a seam.
      const x0 = Math.round(plot.left + j * plot.cellWidth);
      const x1 = Math.round(plot.left + (j + 1) * plot.cellWidth);
      const y0 = Math.round(plot.top + (ny - 1 - i) * plot.cellHeight);
      const y1 = Math.round(plot.top + (ny - i) * plot.cellHeight);
      ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
    }
  }));
}

// The colour map at device resolution, computed once per size and scale.
function colorImage(map, plot, ratio) {
  const w = Math.max(1, Math.round(plot.width * ratio));
  const h = Math.max(1, Math.round(plot.height * ratio));
  if (map.image && map.image.width === w && map.image.height === h) {
    return map.image;
  }
  const normalised = map.values.map((row) => row.map((v) => position(map, v)));
  const image = document.createElement('canvas');
  image.width = w;
  image.height = h;
  const ictx = image.getContext('2d');
  const pixels = ictx.createImageData(w, h);
  const data = pixels.data;
  for (let py = 0; py < h; py++) {
    const y = plot.fromY(plot.top + (py + 0.5) / ratio);
    for (let px = 0; px < w; px++) {
      const t = interpolate(map, normalised, plot.fromX(plot.left + (px + 0.5) / ratio), y);
      const o = 4 * (py * w + px);
      if (isFinite(t)) {
        const c = PALETTE[Math.max(0, Math.min(255, Math.round(t * 255)))];
        data[o] = c[0];
        data[o + 1] = c[1];
        data[o + 2] = c[2];
        data[o + 3] = 255;
      }
    }
  }
  ictx.putImageData(pixels, 0, 0);
  map.image = image;
  return image;
}

function drawContours(ctx, map, plot) {
  if (!map.contours) {
    map.contours = map.levels.map((level) => ({level: level, lines: contourLines(map.xs, map.ys, map.values, level)}));
  }
  ctx.lineWidth = 1;
  ctx.lineJoin = 'round';
  for (const contour of map.contours) {
    // Light lines on the dark end of the map, dark ones on the light end.
    ctx.strokeStyle = position(map, contour.level) > 0.72 ? 'rgba(20, 20, 30, 0.45)' : 'rgba(255, 255, 255, 0.55)';
    ctx.beginPath();
    for (const line of contour.lines) {
      line.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(plot.toX(x), plot.toY(y)) : ctx.lineTo(plot.toX(x), plot.toY(y))));
    }
    ctx.stroke();
  }
}

function drawCellTicks(ctx, map, plot) {
  const bottom = plot.top + plot.height;
  const ny = map.ys.length;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  map.xNames.forEach((name, j) => {
    if (j % plot.xEvery === 0) {
      const px = Math.round(plot.left + (j + 0.5) * plot.cellWidth) + 0.5;
      ctx.moveTo(px, bottom);
      ctx.lineTo(px, bottom + 5);
      ctx.fillText(name, px, bottom + 7);
    }
  });
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  map.yNames.forEach((name, i) => {
    if (i % plot.yEvery === 0) {
      const py = Math.round(plot.top + (ny - 0.5 - i) * plot.cellHeight) + 0.5;
      ctx.moveTo(plot.left, py);
      ctx.lineTo(plot.left - 5, py);
      ctx.fillText(name, plot.left - 7, py);
    }
  });
  ctx.stroke();
}

function drawAxes(ctx, map, plot) {
  ctx.fillStyle = '#57606a';
  ctx.strokeStyle = '#8c8f94';
  ctx.lineWidth = 1;
  const bottom = plot.top + plot.height;
  if (map.discrete) {
    drawCellTicks(ctx, map, plot);
    axisTitles(ctx, map, plot);
    return;
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (const v of plot.xTicks.values) {
    const px = Math.round(plot.toX(v)) + 0.5;
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 5);
    ctx.fillText(tickLabel(v, plot.xTicks.step), px, bottom + 7);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of plot.yTicks.values) {
    const py = Math.round(plot.toY(v)) + 0.5;
    ctx.moveTo(plot.left, py);
    ctx.lineTo(plot.left - 5, py);
    ctx.fillText(tickLabel(v, plot.yTicks.step), plot.left - 7, py);
  }
  ctx.stroke();
  axisTitles(ctx, map, plot);
}

function axisTitles(ctx, map, plot) {
  const bottom = plot.top + plot.height;
  ctx.fillStyle = '#1f2328';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(map.xLabel, plot.left + plot.width / 2, bottom + 44);
  ctx.save();
  ctx.translate(12, plot.top + plot.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(map.yLabel, 0, 0);
  ctx.restore();
}

function drawColorBar(ctx, map, plot) {
  const x = plot.left + plot.width + 14;
  const width = 12;
  const top = plot.top;
  const height = plot.height;
  for (let k = 0; k < height; k++) {
    ctx.fillStyle = paletteColor(1 - (k + 0.5) / height);
    ctx.fillRect(x, top + k, width, 1);
  }
  ctx.strokeStyle = '#8c8f94';
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, top - 0.5, width + 1, height + 1);
  const at = (v) => top + (1 - position(map, v)) * height;
  // The contour levels, as marks across the bar.
  ctx.strokeStyle = 'rgba(20, 20, 30, 0.55)';
  ctx.beginPath();
  for (const level of map.levels) {
    const py = Math.round(at(level)) + 0.5;
    ctx.moveTo(x, py);
    ctx.lineTo(x + width, py);
  }
  ctx.stroke();
  ctx.fillStyle = '#57606a';
  ctx.strokeStyle = '#8c8f94';
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.beginPath();
  for (const v of plot.colorTicks) {
    const py = Math.round(at(v)) + 0.5;
    if (isFinite(py)) {
      ctx.moveTo(x + width, py);
      ctx.lineTo(x + width + 4, py);
      ctx.fillText(tickLabel(v, plot.colorStep), x + width + 6, py);
    }
  }
  ctx.stroke();
  ctx.save();
  ctx.fillStyle = '#1f2328';
  ctx.translate(ctx.canvas.clientWidth - 10, top + height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(map.valueLabel + (map.log ? ' (log)' : ''), 0, 0);
  ctx.restore();
}

function hover(canvas, tip, map, event) {
  const plot = map.plot;
  const rect = canvas.getBoundingClientRect();
  const px = event.clientX - rect.left;
  const py = event.clientY - rect.top;
  if (!plot || px < plot.left || px > plot.left + plot.width || py < plot.top || py > plot.top + plot.height) {
    tip.hidden = true;
    return;
  }
  const lines = [];
  const near = nearestPoint(map, plot, px, py);
  if (!near && map.discrete) {
    const {i, j} = plot.cellAt(px, py);
    lines.push([map.xLabel, map.xNames[j]], [map.yLabel, map.yNames[i]], [map.valueLabel, readout(map.values[i][j])]);
  } else if (near) {
    lines.push([near.name, ''], [map.xLabel, readout(near.x)], [map.yLabel, readout(near.y)]);
  } else {
    const x = plot.fromX(px);
    const y = plot.fromY(py);
    lines.push([map.xLabel, readout(x)], [map.yLabel, readout(y)], [map.valueLabel, readout(interpolate(map, map.values, x, y))]);
  }
  tip.replaceChildren(...lines.map(([key, value]) => {
    const row = element('div');
    row.append(element('span', 'tip-key', key), value === '' ? '' : ' ' + value);
    return row;
  }));
  tip.hidden = false;
  const left = px + 14 + tip.offsetWidth > canvas.clientWidth ? px - 14 - tip.offsetWidth : px + 14;
  tip.style.left = Math.max(0, left) + 'px';
  tip.style.top = Math.max(0, py - tip.offsetHeight - 8) + 'px';
}

function nearestPoint(map, plot, px, py) {
  let best = null;
  let bestDistance = 8 * 8;
  for (const s of map.overlay) {
    if (s.line) {
      continue;
    }
    for (let k = 0; k < Math.min(s.x.length, s.y.length); k++) {
      const dx = plot.toX(s.x[k]) - px;
      const dy = plot.toY(s.y[k]) - py;
      if (dx * dx + dy * dy < bestDistance) {
        bestDistance = dx * dx + dy * dy;
        best = {name: s.name, x: s.x[k], y: s.y[k]};
      }
    }
  }
  return best;
}

// The marks drawn over a heat map (points, lines, a star for a single landmark point) and their legend.
import {element} from './common.js';

// Overlay styles, chosen to stand out on every colour of the map; each mark has a dark outline.
const POINT_STYLES = [
  {color: '#ff4136', shape: 'cross'}, {color: '#ffffff', shape: 'circle'}, {color: '#ffb000', shape: 'triangle'},
  {color: '#37d2ff', shape: 'square'}, {color: '#ff66d9', shape: 'diamond'}
];
const LINE_COLORS = ['#ffffff', '#ff4136', '#ffb000', '#37d2ff', '#ff66d9'];
const OUTLINE = 'rgba(20, 20, 30, 0.8)';

// One style per name of a point series across the page, so that a class ("admitted = 1") has the same colour and mark
// on the heat map as on the scatter beside it.
const CLASS_STYLES = new Map();

/** Returns the style of a point series by its name, giving a new name the next style not yet taken. */
export function classStyle(name) {
  if (!CLASS_STYLES.has(name)) {
    CLASS_STYLES.set(name, POINT_STYLES[CLASS_STYLES.size % POINT_STYLES.length]);
  }
  return CLASS_STYLES.get(name);
}

/** Whether a point series of this name already has a style on the page. */
export function hasClassStyle(name) {
  return CLASS_STYLES.has(name);
}

// Chart.js's names for the marks, and how a scatter draws one: the fill and the dark outline of the heat map's.
const CHART_POINT_STYLES = {cross: 'crossRot', circle: 'circle', triangle: 'triangle', square: 'rect',
  diamond: 'rectRot', star: 'star'};

/** The Chart.js dataset options that draw a point series in its page-wide style. */
export function chartPointStyle(style) {
  const cross = style.shape === 'cross';
  return {
    pointStyle: CHART_POINT_STYLES[style.shape] || 'circle',
    borderColor: cross ? style.color : OUTLINE,
    backgroundColor: style.color,
    borderWidth: cross ? 2 : 1
  };
}

/** Gives each series {name, line, x, y} its style: points and lines take turns through their own lists. */
export function overlaySeries(series) {
  let lines = 0;
  return series.map((s) => {
    const style = s.line ? {color: LINE_COLORS[lines++ % LINE_COLORS.length], shape: 'line'}
      : Object.assign({}, classStyle(s.name));
    if (!s.line && s.x.length === 1) {
      style.shape = 'star';   // a single point is a landmark, such as the optimum
    }
    return Object.assign({style: style}, s);
  });
}

function firstFinite(s, n) {
  for (let k = 0; k < n; k++) {
    if (isFinite(s.x[k]) && isFinite(s.y[k])) {
      return k;
    }
  }
  return -1;
}

export function drawSeries(ctx, s, plot) {
  const n = Math.min(s.x.length, s.y.length);
  if (s.line) {
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    [[OUTLINE, 4], [s.style.color, 2]].forEach(([color, width]) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      let pen = false;
      for (let k = 0; k < n; k++) {
        if (!isFinite(s.x[k]) || !isFinite(s.y[k])) {
          pen = false;
          continue;
        }
        const px = plot.toX(s.x[k]);
        const py = plot.toY(s.y[k]);
        pen ? ctx.lineTo(px, py) : ctx.moveTo(px, py);
        pen = true;
      }
      ctx.stroke();
      if (s.arrow && n >= 2) {
        arrowHead(ctx, s, n, plot);
      }
    });
    // Where a path starts, so that its direction reads at a glance.
    const start = firstFinite(s, n);
    if (n > 2 && start >= 0) {
      drawMarker(ctx, {color: s.style.color, shape: 'ring'}, plot.toX(s.x[start]), plot.toY(s.y[start]), 3.5);
    }
    return;
  }
  const r = s.style.shape === 'star' ? 8 : n > 400 ? 2.5 : 4;
  for (let k = 0; k < n; k++) {
    if (isFinite(s.x[k]) && isFinite(s.y[k])) {
      drawMarker(ctx, s.style, plot.toX(s.x[k]), plot.toY(s.y[k]), r);
    }
  }
}

// An ARROW series (a vector such as one gradient-descent update) ends in a head along its last segment, drawn in the
// stroke style of the pass (outline, then colour); a vector too short to see still shows its head's direction.
function arrowHead(ctx, s, n, plot) {
  const x1 = plot.toX(s.x[n - 1]);
  const y1 = plot.toY(s.y[n - 1]);
  const x0 = plot.toX(s.x[n - 2]);
  const y0 = plot.toY(s.y[n - 2]);
  if (![x0, y0, x1, y1].every(isFinite) || (x0 === x1 && y0 === y1)) {
    return;
  }
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const size = 9;
  ctx.beginPath();
  ctx.moveTo(x1 - size * Math.cos(angle - 0.45), y1 - size * Math.sin(angle - 0.45));
  ctx.lineTo(x1, y1);
  ctx.lineTo(x1 - size * Math.cos(angle + 0.45), y1 - size * Math.sin(angle + 0.45));
  ctx.stroke();
}

/** Draws one overlay mark; also used for the legend's swatches. */
export function drawMarker(ctx, style, x, y, r) {
  ctx.lineJoin = 'round';
  if (style.shape === 'line') {
    [[OUTLINE, 4], [style.color, 2]].forEach(([color, width]) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(x - 2 * r, y);
      ctx.lineTo(x + 2 * r, y);
      ctx.stroke();
    });
    return;
  }
  if (style.shape === 'cross') {
    [[OUTLINE, 3.5], [style.color, 1.8]].forEach(([color, width]) => {
      ctx.strokeStyle = color;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x - r, y + r);
      ctx.lineTo(x + r, y - r);
      ctx.stroke();
    });
    return;
  }
  ctx.beginPath();
  if (style.shape === 'ring') {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = OUTLINE;
    ctx.fill();
    ctx.strokeStyle = style.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    return;
  }
  if (style.shape === 'circle') {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  } else if (style.shape === 'square') {
    ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
  } else if (style.shape === 'triangle') {
    ctx.moveTo(x, y - r * 1.15);
    ctx.lineTo(x + r, y + r * 0.75);
    ctx.lineTo(x - r, y + r * 0.75);
    ctx.closePath();
  } else if (style.shape === 'diamond') {
    ctx.moveTo(x, y - r * 1.2);
    ctx.lineTo(x + r, y);
    ctx.lineTo(x, y + r * 1.2);
    ctx.lineTo(x - r, y);
    ctx.closePath();
  } else {   // star
    for (let k = 0; k < 10; k++) {
      const angle = -Math.PI / 2 + k * Math.PI / 5;
      const radius = k % 2 === 0 ? r : r * 0.45;
      ctx.lineTo(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
    }
    ctx.closePath();
  }
  ctx.fillStyle = style.color;
  ctx.fill();
  ctx.strokeStyle = OUTLINE;
  ctx.lineWidth = 1.2;
  ctx.stroke();
}

export function legend(overlay) {
  const items = element('ul', 'view-legend');
  const ratio = window.devicePixelRatio || 1;
  for (const s of overlay) {
    const item = element('li');
    const swatch = document.createElement('canvas');
    swatch.className = 'swatch';
    swatch.width = Math.round(22 * ratio);
    swatch.height = Math.round(16 * ratio);
    swatch.setAttribute('aria-hidden', 'true');
    const ctx = swatch.getContext('2d');
    ctx.fillStyle = '#3b528b';   // a mid-map colour behind the mark, as on the map
    ctx.scale(ratio, ratio);
    ctx.fillRect(0, 0, 22, 16);
    drawMarker(ctx, s.style, 11, 8, s.style.shape === 'line' ? 4 : 4.5);
    item.append(swatch, element('span', null, s.name));
    items.appendChild(item);
  }
  return items;
}

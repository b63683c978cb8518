// The text route beside every chart: a label that says each series' first, last and best values, a "Show data"
// table (and CSV) of exactly what is drawn, and, for series too short to be a line, the values instead of a chart.
import {element} from './common.js';
import {readout} from './scales.js';

/** Fewer points than this in every series: the values are listed, not drawn as a line on a stretched axis. */
export const FEW_POINTS = 3;

/** The table shows at most this many rows; the CSV always has every one. */
const TABLE_ROWS = 5000;

/** Mirrors the server's MetricSummary.higherIsBetter: which way a metric improves. */
export function higherIsBetter(name) {
  const n = String(name).toLowerCase();
  return ['acc', 'precision', 'recall', 'f1', 'auc', 'r2', 'r²', 'persecond', 'per second', 'throughput', 'score',
    'probabilit'].some((word) => n.includes(word)) || n.startsWith('p(');
}

function value(v) {
  return v === null || v === undefined || (typeof v === 'number' && !isFinite(v)) ? '—'
    : typeof v === 'number' ? readout(v) : String(v);
}

/**
 * Describes series for a screen reader: "loss by step; train: 60 points, first 0.69 at step 0, last 0.2 at step 59,
 * best (lowest) 0.2 at step 59". `series` is [{name, points: [{x, y}]}]; `higher(s)` says whether a series improves upwards
 * (by default its name says), null: it has no best (a scatter of data).
 */
export function describe(title, xName, series, higher) {
  const parts = [title + (xName ? ' by ' + xName : '')];
  for (const s of series) {
    const points = s.points.filter((p) => p.y !== null && isFinite(p.y));
    if (points.length === 0) {
      parts.push(s.name + ': no values');
      continue;
    }
    const up = higher ? higher(s) : higherIsBetter(title + ' ' + s.name);
    const ranked = higher !== null;
    let best = points[0];
    for (const p of points) {
      if (up ? p.y > best.y : p.y < best.y) {
        best = p;
      }
    }
    const at = (p) => (xName ? ' at ' + xName + ' ' + value(p.x) : '');
    const first = points[0];
    const last = points[points.length - 1];
    const name = series.length > 1 || s.name !== title ? s.name + ': ' : '';
    parts.push(name + points.length + (points.length === 1 ? ' point, ' : ' points, ') + 'first ' + value(first.y)
      + at(first) + ', last ' + value(last.y) + at(last) + (ranked ? ', best (' + (up ? 'highest' : 'lowest') + ') '
      + value(best.y) + at(best) : ''));
  }
  return parts.join('; ');
}

function csvCell(v) {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function fileName(title) {
  return (String(title).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart') + '.csv';
}

/**
 * Adds a closed "Show data" disclosure to a figure. `source()` returns {columns: [...], rows: [[...], ...]}, read
 * when the disclosure opens and again on each `update()` while it is open. Returns {update}.
 */
export function dataDisclosure(figure, title, source) {
  const details = element('details', 'chart-data');
  const summary = element('summary', null, 'Show data');
  const body = element('div', 'chart-data-body');
  details.append(summary, body);
  figure.appendChild(details);
  const fill = () => {
    const {columns, rows} = source();
    const scroll = element('div', 'table-scroll');
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', 'data of ' + title);
    const table = element('table', 'data chart-data-table');
    const caption = element('caption', 'visually-hidden', 'Data of ' + title);
    const head = element('thead');
    const headRow = element('tr');
    columns.forEach((c) => {
      const th = element('th', null, c);
      th.scope = 'col';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    const tbody = element('tbody');
    rows.slice(0, TABLE_ROWS).forEach((cells) => {
      const tr = element('tr');
      cells.forEach((c) => tr.appendChild(element('td', typeof c === 'number' ? 'num' : null, value(c))));
      tbody.appendChild(tr);
    });
    table.append(caption, head, tbody);
    table.dataset.rows = String(rows.length);
    scroll.appendChild(table);
    const csv = [columns, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\n') + '\n';
    const link = element('a', 'chart-csv', 'Download CSV');
    link.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv);
    link.download = fileName(title);
    const note = element('p', 'muted chart-data-note', rows.length + (rows.length === 1 ? ' row' : ' rows')
      + (rows.length > TABLE_ROWS ? '; the table shows the first ' + TABLE_ROWS + ', the CSV has them all' : ''));
    note.append(' · ', link);
    body.replaceChildren(note, scroll);
  };
  let filled = 0;      // when the table was last built
  let pending = 0;     // a rebuild waiting for its turn
  const refill = () => {
    pending = 0;
    filled = Date.now();
    fill();
  };
  details.addEventListener('toggle', () => {
    if (details.open) {
      refill();
    }
  });
  return {
    // A live chart redraws every frame: its open table is rebuilt at most once a second.
    update() {
      if (!details.open || pending) {
        return;
      }
      const wait = filled + 1000 - Date.now();
      if (wait <= 0) {
        refill();
      } else {
        pending = window.setTimeout(refill, wait);
      }
    }
  };
}

/**
 * Shows series that are too short for a line as a small table of their values in `host` (replacing what it holds);
 * `series` is [{name, points: [{x, y}]}].
 */
export function valuesTable(host, title, xName, series) {
  const table = element('table', 'data chart-values');
  table.appendChild(element('caption', 'visually-hidden', title + ': the values'));
  const head = element('thead');
  const headRow = element('tr');
  ['series', xName || 'x', 'value'].forEach((c) => {
    const th = element('th', null, c);
    th.scope = 'col';
    headRow.appendChild(th);
  });
  head.appendChild(headRow);
  const body = element('tbody');
  let count = 0;
  for (const s of series) {
    for (const p of s.points) {
      const tr = element('tr');
      const th = element('th', null, s.name);
      th.scope = 'row';
      tr.append(th, element('td', 'num', value(p.x)), element('td', 'num', value(p.y)));
      body.appendChild(tr);
      count++;
    }
  }
  table.append(head, body);
  table.dataset.rows = String(count);
  host.replaceChildren(table);
}

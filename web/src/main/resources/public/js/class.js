// The class view: every student's loss curve on one chart, their answers against what happened, and the runs ranked
// by their final loss; read from /api/lessons/{id}/class whenever the lesson's event stream says a run moved.
(function () {
  'use strict';
  const root = document.getElementById('class-view');
  if (!root) {
    return;
  }
  const api = '/api/lessons/' + root.dataset.lesson + '/class';
  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
    '#ff7f0e'];
  let chart = null;
  const ticked = new Set();

  function cell(row, text, header) {
    const c = document.createElement(header ? 'th' : 'td');
    if (header) {
      c.scope = 'col';
    }
    c.textContent = text;
    row.appendChild(c);
    return c;
  }

  function drawTable(runs) {
    const table = document.getElementById('class-runs');
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    ['Compare', 'Student', 'Answer', 'Status', 'Final loss', 'Run'].forEach((h) => cell(head, h, true));
    const body = table.createTBody();
    const ranked = runs.slice().sort((a, b) => (a.lastLoss ?? Infinity) - (b.lastLoss ?? Infinity));
    ranked.forEach((r) => {
      const row = body.insertRow();
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'ids';
      box.value = String(r.experimentId);
      box.checked = ticked.has(r.experimentId);
      box.setAttribute('aria-label', 'compare the run of ' + (r.student || 'anyone'));
      box.addEventListener('change', () => (box.checked ? ticked.add(r.experimentId) : ticked.delete(r.experimentId)));
      row.insertCell().appendChild(box);
      cell(row, r.student || '—');
      cell(row, r.answer || '—');
      cell(row, r.status + (r.error ? ': ' + r.error : ''));
      cell(row, r.lastLoss == null ? '' : Number(r.lastLoss).toPrecision(4));
      const link = document.createElement('a');
      link.href = '/experiments/' + r.experimentId;
      link.textContent = '#' + r.experimentId;
      row.insertCell().appendChild(link);
    });
  }

  function drawTally(tally) {
    const table = document.getElementById('tally');
    table.replaceChildren();
    const statuses = [...new Set(tally.flatMap((t) => Object.keys(t.outcomes)))].sort();
    const head = table.createTHead().insertRow();
    cell(head, 'Answer', true);
    statuses.forEach((s) => cell(head, s, true));
    cell(head, 'All', true);
    const body = table.createTBody();
    tally.forEach((t) => {
      const row = body.insertRow();
      cell(row, t.answer || '(none)');
      let all = 0;
      statuses.forEach((s) => {
        const n = t.outcomes[s] || 0;
        all += n;
        cell(row, String(n));
      });
      cell(row, String(all));
    });
  }

  function drawChart(runs) {
    if (typeof Chart === 'undefined') {
      return;
    }
    const datasets = runs.filter((r) => r.curve && r.curve.length > 0).map((r, i) => ({
      label: (r.student || '#' + r.experimentId) + (r.answer ? ' (' + r.answer + ')' : ''),
      data: r.curve.map((p) => ({x: p[0], y: p[1]})),
      borderColor: palette[i % palette.length],
      backgroundColor: palette[i % palette.length],
      pointRadius: 0,
      borderWidth: 1.5,
    }));
    // A diverged run's loss dwarfs the others: past three orders of magnitude the axis is logarithmic.
    const values = datasets.flatMap((d) => d.data.map((p) => p.y)).filter((y) => y > 0 && Number.isFinite(y));
    const logScale = values.length > 0 && Math.max(...values.slice(0, 50000)) / Math.min(...values.slice(0, 50000)) > 1000;
    const yScale = {type: logScale ? 'logarithmic' : 'linear', title: {display: true, text: logScale ? 'loss (log scale)' : 'loss'}};
    if (chart) {
      chart.options.scales.y = yScale;
    }
    if (!chart) {
      chart = new Chart(document.getElementById('class-chart'), {
        type: 'line',
        data: {datasets},
        options: {animation: false, parsing: false, responsive: true, maintainAspectRatio: false,
          scales: {x: {type: 'linear', title: {display: true, text: 'step'}}, y: yScale}},
      });
    } else {
      chart.data.datasets = datasets;
      chart.update();
    }
    const finals = datasets.filter((d) => d.data.length > 0)
      .map((d) => ({label: d.label, first: d.data[0].y, last: d.data[d.data.length - 1].y}))
      .sort((a, b) => a.last - b.last);
    document.getElementById('class-chart').setAttribute('aria-label', 'Each student\u2019s loss by step: '
      + datasets.length + ' curves' + (finals.length === 0 ? '' : '; lowest last loss ' + finals[0].label + ' '
      + Number(finals[0].last).toPrecision(4) + ' (from ' + Number(finals[0].first).toPrecision(4) + ')'));
    latest = datasets;
    showData();
  }

  // The chart's text route, as on every other chart: "Show data" with every curve's points and a CSV.
  let latest = [];
  let disclosure = null;
  function showData() {
    if (disclosure) {
      disclosure.update();
      return;
    }
    disclosure = {update() {}};
    const figure = document.getElementById('class-chart').closest('section');
    import('/js/chartdata.js').then((m) => {
      disclosure = m.dataDisclosure(figure, 'loss of each student', () => ({
        columns: ['student', 'step', 'loss'],
        rows: latest.flatMap((d) => d.data.map((p) => [d.label, p.x, p.y]))
      }));
    }).catch(() => {});
  }

  // The class is read again when the lesson's stream says a run reported points, changed status or started (at
  // most every half second), and every 30 s in case the stream was away.
  let pending = false;
  let reading = false;
  function refresh() {
    if (reading) {
      pending = true;
      return;
    }
    reading = true;
    fetch(api, {headers: {Accept: 'application/json'}})
      .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
      .then((view) => {
        drawTable(view.runs);
        drawTally(view.tally);
        drawChart(view.runs);
        root.dataset.runs = String(view.runs.length);
      })
      .catch(() => {})
      .finally(() => {
        reading = false;
        if (pending) {
          pending = false;
          setTimeout(refresh, 500);
        }
      });
  }
  const stream = new EventSource('/api/lessons/' + root.dataset.lesson + '/events');
  stream.addEventListener('ready', refresh);
  stream.addEventListener('run', () => {
    root.dataset.heard = String(Number(root.dataset.heard || 0) + 1);
    refresh();
  });
  setInterval(refresh, 30000);
  refresh();
})();

// Experiment page: live status, progress and metric charts over Server-Sent Events, then the result.
//
// The page is rendered complete by the server; this script only keeps it current. Order matters for
// the metric history: the event stream is opened first, and the history is fetched when its first
// `status` event arrives, so no point falls between the history and the live points. Both are merged
// by step, so a point that arrives twice is drawn once.
(function () {
  'use strict';

  var root = document.getElementById('experiment');
  if (!root) {
    return;
  }
  var api = '/api/experiments/' + encodeURIComponent(root.getAttribute('data-id'));
  var TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];
  var COLORS = ['#2f6690', '#c0562f', '#3a7d44', '#7d5ba6', '#b08a1e', '#2a8c88', '#b3476b', '#5c6770'];

  var metrics = {};         // metric name -> {name, points: [{x, y}] sorted by x, chart, canvas, dirty}
  var metricCount = 0;
  var frame = 0;            // pending requestAnimationFrame, 0 when none
  var source = null;        // the EventSource while the run is live
  var needHistory = true;   // fetch the metric history on the next `status` event
  var finished = false;     // the run reached a terminal status
  var retryDelay = 1000;
  var metricsBusy = false;
  var metricsAgain = false;
  var viewCharts = [];

  function isTerminal(status) {
    return TERMINAL.indexOf(status) >= 0;
  }

  function chartsAvailable() {
    return typeof window.Chart === 'function';
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function idPart(name) {
    return String(name).replace(/\s+/g, '-');
  }

  function finite(value) {
    return typeof value === 'number' && isFinite(value) ? value : null;
  }

  function getJson(url) {
    return fetch(url, {headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(url + ' answered HTTP ' + response.status);
        }
        return response.json();
      })
      .catch(function (error) {
        console.warn('Lectern:', error);
        return null;
      });
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (error) {
      console.warn('Lectern: ignoring an event that is not JSON', event.type, event.data);
      return null;
    }
  }

  // ---- metric charts -------------------------------------------------------------------------

  function series(name) {
    var s = metrics[name];
    if (!s) {
      s = metrics[name] = {name: name, points: [], chart: null, canvas: null, dirty: false, color: COLORS[metricCount % COLORS.length]};
      metricCount++;
      createMetricFigure(s);
    }
    return s;
  }

  function createMetricFigure(s) {
    var host = document.getElementById('metrics');
    var empty = document.getElementById('metrics-empty');
    if (empty) {
      empty.remove();
    }
    var figure = element('figure', 'chart metric');
    figure.id = 'metric-' + idPart(s.name);
    var caption = element('figcaption');
    var toggle = element('label', 'log-toggle');
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'log-' + idPart(s.name);
    toggle.append(box, ' log scale');
    caption.append(element('span', 'chart-title', s.name), toggle);
    var holder = element('div', 'chart-box');
    var canvas = document.createElement('canvas');
    canvas.id = 'chart-' + idPart(s.name);
    canvas.dataset.points = '0';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', s.name + ' by step');
    holder.appendChild(canvas);
    figure.append(caption, holder);
    host.appendChild(figure);
    s.canvas = canvas;

    if (!chartsAvailable()) {
      box.disabled = true;
      return;
    }
    s.chart = new window.Chart(canvas, {
      type: 'line',
      data: {datasets: [{
        label: s.name, data: [], borderColor: s.color, backgroundColor: s.color,
        borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 3, spanGaps: true
      }]},
      options: {
        animation: false,
        parsing: false,
        normalized: true,
        responsive: true,
        maintainAspectRatio: false,
        interaction: {mode: 'nearest', axis: 'x', intersect: false},
        plugins: {
          legend: {display: false},
          // Past a few thousand points a line is drawn from a representative subset.
          decimation: {enabled: true, algorithm: 'lttb'}
        },
        scales: {
          x: {type: 'linear', title: {display: true, text: 'step'}, ticks: {maxTicksLimit: 8}},
          y: metricAxis(s.name, false)
        }
      }
    });
    box.addEventListener('change', function () {
      // A new axis object, so the tick labels follow the scale type's defaults.
      s.chart.options.scales.y = metricAxis(s.name, box.checked);
      s.chart.update('none');
    });
  }

  function metricAxis(name, logarithmic) {
    return {type: logarithmic ? 'logarithmic' : 'linear', title: {display: true, text: name}};
  }

  // Adds one live point, keeping the points sorted by step; a step already present keeps its value.
  function addPoint(s, step, value) {
    var points = s.points;
    var n = points.length;
    if (n === 0 || points[n - 1].x < step) {
      points.push({x: step, y: finite(value)});
      return;
    }
    var lo = 0;
    var hi = n;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
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
    var incoming = [];
    for (var k = 0; k < pairs.length; k++) {
      var pair = pairs[k];
      if (Array.isArray(pair) && typeof pair[0] === 'number') {
        incoming.push({x: pair[0], y: finite(pair[1])});
      }
    }
    incoming.sort(function (a, b) { return a.x - b.x; });
    var current = s.points;
    var merged = [];
    var i = 0;
    var j = 0;
    while (i < current.length || j < incoming.length) {
      var next;
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

  function schedule(s) {
    s.dirty = true;
    if (!frame) {
      frame = window.requestAnimationFrame(draw);
    }
  }

  // Redraws the charts whose points changed, at most once per animation frame.
  function draw() {
    frame = 0;
    Object.keys(metrics).forEach(function (name) {
      var s = metrics[name];
      if (!s.dirty) {
        return;
      }
      s.dirty = false;
      if (s.chart) {
        // A fresh array each time: Chart.js patches the arrays it is given, and the decimation
        // plugin swaps the dataset's data for its own subset.
        s.chart.data.datasets[0].data = s.points.slice();
        s.chart.update('none');
      }
      s.canvas.dataset.points = String(s.points.length);
    });
  }

  function addLivePoints(points) {
    for (var k = 0; k < points.length; k++) {
      var p = points[k];
      if (p && typeof p.name === 'string' && typeof p.step === 'number') {
        var s = series(p.name);
        addPoint(s, p.step, p.value);
        schedule(s);
      }
    }
  }

  function loadMetrics() {
    if (metricsBusy) {
      metricsAgain = true;   // fetch once more when this one is done, so the newest points are read
      return;
    }
    metricsBusy = true;
    getJson(api + '/metrics').then(function (body) {
      if (body && body.series && typeof body.series === 'object') {
        Object.keys(body.series).forEach(function (name) {
          var s = series(name);
          mergeHistory(s, body.series[name]);
          schedule(s);
        });
      }
      metricsBusy = false;
      if (metricsAgain) {
        metricsAgain = false;
        loadMetrics();
      }
    });
  }

  // ---- status and progress -------------------------------------------------------------------

  function applyStatus(data) {
    var status = data && typeof data.status === 'string' ? data.status : '';
    if (!status) {
      return;
    }
    var badge = document.getElementById('status');
    badge.textContent = status;
    badge.className = 'badge status-' + status.toLowerCase();
    root.setAttribute('data-status', status);
    showError(data.error);
    if (isTerminal(status)) {
      finish(true);
    }
  }

  function showError(message) {
    var box = document.getElementById('error');
    if (message) {
      box.textContent = String(message);
      box.hidden = false;
    } else {
      box.textContent = '';
      box.hidden = true;
    }
  }

  function applyProgress(done, total) {
    if (typeof done !== 'number') {
      return;
    }
    var bar = document.getElementById('progress-bar');
    var text = document.getElementById('progress-text');
    if (typeof total === 'number' && total > 0) {
      bar.max = total;     // before the value, which is clamped to max
      bar.value = done;
      text.textContent = 'step ' + done + ' of ' + total;
    } else {
      text.textContent = 'step ' + done;
    }
  }

  function finish(live) {
    if (finished && live) {
      return;
    }
    finished = true;
    if (source) {
      source.close();
      source = null;
    }
    var form = document.getElementById('cancel-form');
    if (form) {
      form.hidden = true;
    }
    var bar = document.getElementById('progress-bar');
    if (bar && !bar.hasAttribute('value')) {   // an indeterminate bar stops moving
      bar.max = 1;
      bar.value = root.getAttribute('data-status') === 'SUCCEEDED' ? 1 : 0;
    }
    loadDetails(live);
    loadMetrics();
  }

  // ---- result: summary and views -------------------------------------------------------------

  function loadDetails(replaceSummary) {
    getJson(api).then(function (body) {
      if (!body) {
        return;
      }
      var table = document.getElementById('summary');
      var hasRows = table && table.tBodies.length > 0 && table.tBodies[0].rows.length > 0;
      if (body.summary && typeof body.summary === 'object' && (replaceSummary || !hasRows)) {
        renderSummary(body.summary);
      }
      if (body.error && isTerminal(body.status)) {
        showError(body.error);
      }
      renderViews(Array.isArray(body.views) ? body.views : []);
    });
  }

  function format(value) {
    if (value === null || value === undefined) {
      return '—';
    }
    if (typeof value === 'number') {
      if (!isFinite(value) || Number.isInteger(value)) {
        return String(value);
      }
      return String(Number(value.toPrecision(6)));
    }
    if (typeof value === 'object') {
      return JSON.stringify(value);
    }
    return String(value);
  }

  function renderSummary(summary) {
    var keys = Object.keys(summary);
    var table = document.getElementById('summary');
    if (!table || keys.length === 0) {
      return;
    }
    var body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
    body.replaceChildren();
    keys.forEach(function (key) {
      var row = element('tr');
      var head = element('th', null, key);
      head.scope = 'row';
      row.append(head, element('td', null, format(summary[key])));
      body.appendChild(row);
    });
    var empty = document.getElementById('summary-empty');
    if (empty) {
      empty.hidden = true;
    }
  }

  function renderViews(views) {
    var host = document.getElementById('views');
    if (!host) {
      return;
    }
    viewCharts.forEach(function (chart) { chart.destroy(); });
    viewCharts = [];
    host.replaceChildren();
    views.forEach(function (view, index) {
      if (view && view.type === 'XyChart') {
        renderXyChart(host, view, index);
      } else if (view && view.type === 'TableView') {
        renderTable(host, view, index);
      } else {
        console.warn('Lectern: skipping a view of unknown type', view && view.type);
      }
    });
  }

  function viewFigure(host, view, index, kind) {
    var figure = element('figure', 'view ' + kind);
    figure.id = 'view-figure-' + index;
    figure.appendChild(element('figcaption', null, view.title || ''));
    host.appendChild(figure);
    return figure;
  }

  function renderXyChart(host, view, index) {
    var figure = viewFigure(host, view, index, 'view-chart');
    var holder = element('div', 'chart-box');
    var canvas = document.createElement('canvas');
    canvas.id = 'view-' + index;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', view.title || 'chart');
    holder.appendChild(canvas);
    figure.appendChild(holder);
    if (!chartsAvailable()) {
      return;
    }
    var datasets = (Array.isArray(view.series) ? view.series : []).map(function (s, k) {
      var xs = Array.isArray(s.x) ? s.x : [];
      var ys = Array.isArray(s.y) ? s.y : [];
      var data = [];
      for (var i = 0; i < Math.min(xs.length, ys.length); i++) {
        if (finite(xs[i]) !== null && finite(ys[i]) !== null) {
          data.push({x: xs[i], y: ys[i]});
        }
      }
      var line = s.style === 'LINE';
      var color = COLORS[k % COLORS.length];
      return {
        label: s.name, data: data, showLine: line, order: line ? 0 : 1, pointStyle: line ? 'line' : 'circle',
        borderColor: color, backgroundColor: line ? color : color + '88',
        borderWidth: line ? 2 : 1, pointRadius: line ? 0 : 3, pointHoverRadius: line ? 3 : 5
      };
    });
    viewCharts.push(new window.Chart(canvas, {
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
            labels: {usePointStyle: true, boxHeight: 7, sort: function (a, b) { return a.datasetIndex - b.datasetIndex; }}
          }
        },
        scales: {
          x: {type: 'linear', title: {display: !!view.xLabel, text: view.xLabel || ''}},
          y: {type: 'linear', title: {display: !!view.yLabel, text: view.yLabel || ''}}
        }
      }
    }));
  }

  function renderTable(host, view, index) {
    var figure = viewFigure(host, view, index, 'view-table');
    var scroll = element('div', 'table-scroll');
    var table = element('table', 'data');
    table.id = 'view-' + index;
    var head = element('thead');
    var headRow = element('tr');
    (Array.isArray(view.headers) ? view.headers : []).forEach(function (header) {
      var cell = element('th', null, header);
      cell.scope = 'col';
      headRow.appendChild(cell);
    });
    head.appendChild(headRow);
    var body = element('tbody');
    (Array.isArray(view.rows) ? view.rows : []).forEach(function (cells) {
      var row = element('tr');
      (Array.isArray(cells) ? cells : []).forEach(function (value) {
        row.appendChild(element('td', null, value === null || value === undefined ? '' : value));
      });
      body.appendChild(row);
    });
    table.append(head, body);
    scroll.appendChild(table);
    figure.appendChild(scroll);
  }

  // ---- live updates --------------------------------------------------------------------------

  function connect() {
    if (finished) {
      return;
    }
    var events = new EventSource(api + '/events');
    source = events;
    events.addEventListener('open', function () {
      retryDelay = 1000;
    });
    events.addEventListener('status', function (event) {
      var data = parse(event);
      if (!data) {
        return;
      }
      // The first status of each connection: the subscription is live, so the history can be read.
      // A terminal status reads it in finish() instead.
      if (needHistory && !isTerminal(data.status)) {
        needHistory = false;
        loadMetrics();
      }
      applyStatus(data);
    });
    events.addEventListener('progress', function (event) {
      var data = parse(event);
      if (data) {
        applyProgress(data.done, data.total);
      }
    });
    events.addEventListener('metrics', function (event) {
      var data = parse(event);
      if (data && Array.isArray(data.points)) {
        addLivePoints(data.points);
      }
    });
    events.addEventListener('error', function () {
      if (finished || source !== events) {
        return;
      }
      // Points may be missed while disconnected: read the history again after reconnecting.
      needHistory = true;
      if (events.readyState === EventSource.CLOSED) {
        // The browser gave up (the server answered with an error); try again, more slowly each time.
        source = null;
        window.setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    });
  }

  function enhanceCancel() {
    var form = document.getElementById('cancel-form');
    var button = document.getElementById('cancel');
    if (!form || !button || !window.fetch) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.disabled) {
        return;
      }
      var label = button.textContent;
      button.disabled = true;
      button.textContent = 'Cancelling…';
      fetch(api + '/cancel', {method: 'POST', headers: {Accept: 'application/json'}}).then(function (response) {
        // 409: the run ended meanwhile. Either way the status event updates the page.
        if (!response.ok && response.status !== 409) {
          console.warn('Lectern: cancel answered HTTP ' + response.status);
          button.disabled = false;
          button.textContent = label;
        }
      }, function () {
        form.submit();   // no connection for fetch: fall back to the plain form post
      });
    });
  }

  if (chartsAvailable()) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = '#57606a';
  } else {
    console.warn('Lectern: Chart.js did not load; charts are not drawn');
  }
  enhanceCancel();
  if (isTerminal(root.getAttribute('data-status'))) {
    finish(false);
  } else if (window.EventSource) {
    connect();
  } else {
    loadMetrics();
  }
})();

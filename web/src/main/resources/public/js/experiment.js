// Experiment page: live status, progress and metric charts over Server-Sent Events, then the result.
//
// The page is rendered complete by the server; this module only keeps it current. Order matters for
// the metric history: the event stream is opened first, and the history is fetched when its first
// `status` event arrives, so no point falls between the history and the live points. Both are merged
// by step (metrics.js), so a point that arrives twice is drawn once.
import {chartsAvailable, element, format, getJson, uiText} from './common.js';
import {addHistory, addLivePoints, setChartOrder, setStepsPerEpoch} from './metrics.js';
import {applyControl, endControl, enhanceControl} from './control.js';
import {enhanceGradientCheck} from './gradients.js';
import {enhancePredict} from './predict.js';
import {addTexts} from './texts.js';
import {renderViews} from './views.js';

const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

const root = document.getElementById('experiment');
const api = root ? '/api/experiments/' + encodeURIComponent(root.getAttribute('data-id')) : '';
let source = null;        // the EventSource while the run is live
let needHistory = true;   // fetch the metric history on the next `status` event
let finished = false;     // the run reached a terminal status
let retryDelay = 1000;
let metricsBusy = false;
let metricsAgain = false;
let liveBusy = false;     // the lesson pictures drawn while training (API 1.4) are being read
let liveAgain = false;
let liveShown = -1;       // the optimizer steps of the pictures shown, -1 for none

function isTerminal(status) {
  return TERMINAL.indexOf(status) >= 0;
}

function parse(event) {
  try {
    return JSON.parse(event.data);
  } catch (error) {
    console.warn('Lectern: ignoring an event that is not JSON', event.type, event.data);
    return null;
  }
}

function loadMetrics() {
  if (metricsBusy) {
    metricsAgain = true;   // fetch once more when this one is done, so the newest points are read
    return;
  }
  metricsBusy = true;
  getJson(api + '/texts').then((body) => {
    if (body) {
      addTexts(body.texts);
    }
  });
  getJson(api + '/metrics').then((body) => {
    if (body) {
      setStepsPerEpoch(body.stepsPerEpoch);
      setChartOrder(body.chartOrder);
      addHistory(body.series, body.perEpoch);
    }
    metricsBusy = false;
    if (metricsAgain) {
      metricsAgain = false;
      loadMetrics();
    }
  });
}

// ---- lesson pictures while training ----------------------------------------------------------

// A `views` event says the run drew its pictures anew (paused, after single steps, now and then while it trains); the
// pictures themselves are read from the API, one request at a time, the newest winning.
function loadLiveViews() {
  if (finished) {
    return;
  }
  if (liveBusy) {
    liveAgain = true;
    return;
  }
  liveBusy = true;
  getJson(api + '/live-views').then((body) => {
    liveBusy = false;
    if (!finished && body && typeof body.updates === 'number' && Array.isArray(body.views) && body.views.length > 0
        && body.updates >= liveShown) {
      showLiveViews(body.updates, body.views);
    }
    if (liveAgain) {
      liveAgain = false;
      loadLiveViews();
    }
  });
}

function showLiveViews(updates, views) {
  const host = document.getElementById('views');
  if (!host) {
    return;
  }
  // Held at its height while redrawn, so the page does not jump under the reader.
  host.style.minHeight = host.offsetHeight + 'px';
  renderViews(host, views);
  host.style.minHeight = '';
  host.dataset.updates = String(updates);
  liveShown = updates;
  const note = document.getElementById('views-live');
  if (note) {
    note.textContent = 'The model after ' + updates + (updates === 1 ? ' step' : ' steps')
      + ', drawn while it trains; the final pictures replace these when the run ends.';
    note.hidden = false;
  }
}

// ---- status and progress -----------------------------------------------------------------------

function applyStatus(data) {
  const status = data && typeof data.status === 'string' ? data.status : '';
  if (!status) {
    return;
  }
  const badge = document.getElementById('status');
  badge.textContent = uiText('status.' + status, status);
  badge.className = 'badge status-' + status.toLowerCase();
  root.setAttribute('data-status', status);
  if (status !== 'QUEUED') {
    document.getElementById('waiting').hidden = true;   // a node took it: the reason it waited is gone
  }
  showError(data.error);
  if (isTerminal(status)) {
    finish(true);
  }
}

function showError(message) {
  const box = document.getElementById('error');
  box.textContent = message ? String(message) : '';
  box.hidden = !message;
}

// Before training, the same bar shows the data set being fetched: then the event carries a message and bytes.
function applyProgress(done, total, message) {
  if (typeof done !== 'number') {
    return;
  }
  const bar = document.getElementById('progress-bar');
  const text = document.getElementById('progress-text');
  if (typeof total === 'number' && total > 0) {
    bar.max = total;     // before the value, which is clamped to max
    bar.value = done;
  }
  if (message) {
    const mb = (bytes) => (bytes / 1e6).toFixed(1) + ' MB';
    text.textContent = message + (total > 0 ? ' (' + mb(done) + ' of ' + mb(total) + ')' : '');
  } else {
    text.textContent = typeof total === 'number' && total > 0
      ? uiText('js.stepOf', 'step {0} of {1}', done, total) : uiText('js.step', 'step {0}', done);
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
  const form = document.getElementById('cancel-form');
  if (form) {
    form.hidden = true;
  }
  endControl();
  const note = document.getElementById('views-live');
  if (note) {
    note.hidden = true;
  }
  const bar = document.getElementById('progress-bar');
  if (bar && !bar.hasAttribute('value')) {   // an indeterminate bar stops moving
    bar.max = 1;
    bar.value = root.getAttribute('data-status') === 'SUCCEEDED' ? 1 : 0;
  }
  loadDetails(live);
  loadMetrics();
  if (live) {
    refreshFromServer();
  }
}

// The server renders what only exists once a run has ended (finish time and duration, the predict form of the
// trained model); a run that ends while the page is open takes those parts from a fresh copy of the page.
function refreshFromServer() {
  fetch(window.location.pathname, {headers: {Accept: 'text/html'}})
    .then((response) => (response.ok ? response.text() : null))
    .then((html) => {
      if (!html) {
        return;
      }
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      const facts = fresh.getElementById('facts');
      const oldFacts = document.getElementById('facts');
      if (facts && oldFacts) {
        oldFacts.replaceWith(document.importNode(facts, true));
      }
      const summary = fresh.getElementById('summary');
      const oldSummary = document.getElementById('summary');
      if (summary && oldSummary) {
        oldSummary.replaceWith(document.importNode(summary, true));
        const empty = document.getElementById('summary-empty');
        if (empty && summary.querySelector('tbody tr')) {
          empty.hidden = true;
        }
      }
      const predict = fresh.getElementById('predict-section');
      const result = document.getElementById('result');
      if (predict && result && !document.getElementById('predict-section')) {
        result.after(document.importNode(predict, true));
        enhancePredict(api);
      }
      addEndedActions(fresh);
      const gradients = fresh.getElementById('gradient-section');
      const manage = document.getElementById('manage');
      if (gradients && manage && !document.getElementById('gradient-section')) {
        manage.before(document.importNode(gradients, true));
        enhanceGradientCheck();
      }
    })
    .catch((error) => console.warn('Lectern: could not refresh the finished run', error));
}

// The actions of an ended run (run again with a change, download the saved model, delete) are rendered only once it
// has ended; each one the open page lacks is taken from the fresh copy, at its place in the row. The ones already
// there are left as they are, so a description being typed during the run survives.
function addEndedActions(fresh) {
  const row = document.querySelector('#manage .manage-row');
  const freshRow = fresh.querySelector('#manage .manage-row');
  if (!row || !freshRow) {
    return;
  }
  let previous = null;
  for (const action of Array.from(freshRow.children)) {
    let current = action.id ? document.getElementById(action.id) : null;
    if (action.id && !current) {
      current = document.importNode(action, true);
      if (previous) {
        previous.after(current);
      } else {
        row.prepend(current);
      }
    }
    previous = current || previous;
  }
}

// ---- result: summary and views -----------------------------------------------------------------

function loadDetails(replaceSummary) {
  getJson(api).then((body) => {
    if (!body) {
      return;
    }
    const table = document.getElementById('summary');
    const hasRows = table && table.tBodies.length > 0 && table.tBodies[0].rows.length > 0;
    // A run that ended while the page was open takes its result table from the fresh page (refreshFromServer),
    // which names the keys as its plugin labels them.
    if (body.summary && typeof body.summary === 'object' && !replaceSummary && !hasRows) {
      renderSummary(body.summary);
    }
    applyControl({events: body.events});
    if (body.error && isTerminal(body.status)) {
      showError(body.error);
    }
    const host = document.getElementById('views');
    if (host) {
      renderViews(host, Array.isArray(body.views) ? body.views : []);
      delete host.dataset.updates;
    }
  });
}

function renderSummary(summary) {
  const keys = Object.keys(summary);
  const table = document.getElementById('summary');
  if (!table || keys.length === 0) {
    return;
  }
  const body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
  body.replaceChildren();
  for (const key of keys) {
    const row = element('tr');
    const head = element('th', null, key);
    head.scope = 'row';
    row.append(head, element('td', null, format(summary[key])));
    body.appendChild(row);
  }
  const empty = document.getElementById('summary-empty');
  if (empty) {
    empty.hidden = true;
  }
}

// ---- live updates ------------------------------------------------------------------------------

function connect() {
  if (finished) {
    return;
  }
  const events = new EventSource(api + '/events');
  source = events;
  events.addEventListener('open', () => {
    retryDelay = 1000;
  });
  events.addEventListener('status', (event) => {
    const data = parse(event);
    if (!data) {
      return;
    }
    // The first status of each connection: the subscription is live, so the history can be read.
    // A terminal status reads it in finish() instead.
    if (needHistory && !isTerminal(data.status)) {
      needHistory = false;
      loadMetrics();
      loadLiveViews();
    }
    applyStatus(data);
  });
  events.addEventListener('progress', (event) => {
    const data = parse(event);
    if (data) {
      applyProgress(data.done, data.total, data.message);
    }
  });
  events.addEventListener('metrics', (event) => {
    const data = parse(event);
    if (data && Array.isArray(data.points)) {
      addLivePoints(data.points);
    }
  });
  events.addEventListener('axis', (event) => {
    const data = parse(event);
    if (data) {
      setStepsPerEpoch(data.stepsPerEpoch);
    }
  });
  events.addEventListener('views', () => {
    loadLiveViews();
  });
  events.addEventListener('control', (event) => {
    applyControl(parse(event));
  });
  events.addEventListener('texts', (event) => {
    const data = parse(event);
    if (data && Array.isArray(data.texts)) {
      addTexts(data.texts);
    }
  });
  events.addEventListener('error', () => {
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
  const form = document.getElementById('cancel-form');
  const button = document.getElementById('cancel');
  if (!form || !button || !window.fetch) {
    return;
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    const label = button.textContent;
    button.disabled = true;
    button.textContent = uiText('js.cancelling', 'Cancelling…');
    fetch(api + '/cancel', {method: 'POST', headers: {Accept: 'application/json'}}).then((response) => {
      // 409: the run ended meanwhile. Either way the status event updates the page.
      if (!response.ok && response.status !== 409) {
        console.warn('Lectern: cancel answered HTTP ' + response.status);
        button.disabled = false;
        button.textContent = label;
      }
    }, () => {
      form.submit();   // no connection for fetch: fall back to the plain form post
    });
  });
}

if (root) {
  if (chartsAvailable()) {
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    window.Chart.defaults.color = '#57606a';
  } else {
    console.warn('Lectern: Chart.js did not load; charts are not drawn');
  }
  enhanceCancel();
  enhancePredict(api);
  enhanceGradientCheck();
  if (!isTerminal(root.getAttribute('data-status'))) {
    enhanceControl(api);
  }
  if (isTerminal(root.getAttribute('data-status'))) {
    finish(false);
  } else if (window.EventSource) {
    connect();
  } else {
    loadMetrics();
  }
}

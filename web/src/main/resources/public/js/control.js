// Holding a running run (issue #17): Pause, Step 1/10/100 and Resume, a field for each parameter the plugin declares
// live-changeable, and the list of what was done at which step; the loss chart marks each change (metrics.js).
// Every action is a fetch to POST /api/experiments/{id}/control with a JSON body; the answer and the SSE `control`
// events keep the buttons in step with the run.
import {element, format, getJson, uiText} from './common.js';
import {setMarkers} from './metrics.js';

let api = '';
let events = [];
let paused = false;

const NAMES = {learningRate: 'alpha'};

function describe(e) {
  if (e.kind === 'set') {
    return (NAMES[e.name] || e.name) + ' ' + format(e.from) + ' -> ' + format(e.to) + ' at step ' + e.step;
  }
  if (e.kind === 'step') {
    return 'stepped ' + e.n + ' at step ' + e.step;
  }
  return (e.kind === 'pause' ? 'paused' : 'resumed') + ' at step ' + e.step;
}

function render() {
  const list = document.getElementById('control-events');
  if (list) {
    list.replaceChildren(...events.map((e) => {
      const item = element('li', 'control-event control-event-' + e.kind, describe(e));
      item.dataset.step = String(e.step);
      return item;
    }));
    list.hidden = events.length === 0;
  }
  setMarkers(events.filter((e) => e.kind === 'set').map((e) => ({step: e.step, label: describe(e)})));
  showLiveValues();
  const show = (id, on) => {
    const node = document.getElementById(id);
    if (node) {
      node.hidden = !on;
    }
  };
  show('pause', !paused);
  show('resume', paused);
  show('step-buttons', paused);
  const at = document.getElementById('paused-at');
  if (at && !paused) {
    at.textContent = '';
  }
}

// The hyperparameters table shows what the run was started with; a value changed while it trained reads
// "0.01 → 0.015 (live, from step 584)", so the table never claims a value the run no longer uses.
function showLiveValues() {
  const table = document.getElementById('params');
  if (!table) {
    return;
  }
  const latest = {};
  events.filter((e) => e.kind === 'set').forEach((e) => {
    latest[e.name] = e;
  });
  for (const row of table.querySelectorAll('tr')) {
    const name = row.querySelector('th');
    const value = row.querySelector('td');
    if (!name || !value) {
      continue;
    }
    if (value.dataset.initial === undefined) {
      value.dataset.initial = value.textContent;
    }
    const e = latest[name.textContent];
    value.textContent = e ? value.dataset.initial + ' \u2192 ' + format(e.to) + ' ' + uiText('js.liveFrom', '(live, from step {0})', e.step)
      : value.dataset.initial;
  }
}

/** Takes the run's JSON or an SSE `control` event: {paused, events} or {paused, waitingAt, event}. */
export function applyControl(data) {
  if (!data) {
    return;
  }
  if (typeof data.paused === 'boolean') {
    paused = data.paused;
  }
  // A run's JSON is a snapshot that may predate an SSE event already shown (an answer to Step is built before the
  // loop records the change it applies at that step), so both are merged, never one replacing the other.
  const incoming = Array.isArray(data.events) ? data.events.slice() : [];
  if (data.event && typeof data.event === 'object') {
    incoming.push(data.event);
  }
  const same = (a, b) => a.step === b.step && a.kind === b.kind && a.name === b.name && a.to === b.to && a.n === b.n;
  for (const e of incoming) {
    if (!events.some((o) => same(o, e))) {
      events.push(e);
    }
  }
  events.sort((a, b) => a.step - b.step);
  const at = document.getElementById('paused-at');
  if (at && paused && typeof data.waitingAt === 'number') {
    at.textContent = uiText('js.pausedBefore', 'paused before step {0}', data.waitingAt);
  }
  render();
}

/** The run ended: the controls go, the list of changes stays. */
export function endControl() {
  const row = document.getElementById('control');
  if (row) {
    row.hidden = true;
  }
  paused = false;
}

function showError(message) {
  const box = document.getElementById('control-error');
  if (box) {
    box.textContent = message || '';
    box.hidden = !message;
  }
}

// Actions go out one after another, in the order they were clicked: a click while an answer is awaited is queued,
// never dropped (the SSE event can show the new step before the answer arrives, so a quick second Step click
// used to vanish).
let queue = Promise.resolve();

function post(body) {
  showError('');
  return fetch(api + '/control', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify(body)
  }).then((response) => response.json().catch(() => null).then((json) => {
    if (response.ok) {
      applyControl(json);
    } else {
      showError(json && json.error ? json.error : 'The server answered HTTP ' + response.status);
    }
  })).catch((error) => showError('No connection to the server: ' + error.message));
}

function send(body) {
  queue = queue.then(() => post(body));
  return queue;
}

function liveFields(plugin, run) {
  const form = document.getElementById('live-form');
  const live = plugin && Array.isArray(plugin.params) ? plugin.params.filter((p) => p.live) : [];
  if (!form || live.length === 0) {
    return;
  }
  for (const p of live) {
    const id = 'live-' + p.name;
    const label = element('label', null, p.label);
    label.htmlFor = id;
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.id = id;
    input.name = p.name;
    if (typeof p.min === 'number') {
      input.min = String(p.min);
    }
    if (typeof p.max === 'number') {
      input.max = String(p.max);
    }
    const changed = events.filter((e) => e.kind === 'set' && e.name === p.name);
    const current = changed.length > 0 ? changed[changed.length - 1].to : run && run.params ? run.params[p.name] : null;
    if (typeof current === 'number') {
      input.value = String(current);
    }
    form.append(label, input);
  }
  const apply = element('button', 'secondary', 'Apply');
  apply.type = 'submit';
  apply.id = 'live-apply';
  form.appendChild(apply);
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const set = {};
    for (const input of form.querySelectorAll('input')) {
      if (input.value.trim() !== '') {
        set[input.name] = Number(input.value);
      }
    }
    send({set: set});
  });
}

/** Wires the controls of a running run; `base` is the run's API address. */
export function enhanceControl(base) {
  const row = document.getElementById('control');
  if (!row || !window.fetch) {
    return;
  }
  api = base;
  document.getElementById('pause').addEventListener('click', () => send({action: 'pause'}));
  document.getElementById('resume').addEventListener('click', () => send({action: 'resume'}));
  for (const button of row.querySelectorAll('[data-steps]')) {
    button.addEventListener('click', () => send({action: 'step', n: Number(button.dataset.steps)}));
  }
  const plugin = row.getAttribute('data-plugin');
  Promise.all([getJson(api), getJson('/api/plugins')]).then(([run, plugins]) => {
    if (run) {
      applyControl(run);
    }
    const found = Array.isArray(plugins) ? plugins.find((p) => p.id === plugin) : null;
    liveFields(found, run);
    if (run && run.status !== 'SUCCEEDED' && run.status !== 'FAILED' && run.status !== 'CANCELLED'
        && run.status !== 'INTERRUPTED') {
      row.hidden = false;
    }
  });
}

// Small helpers shared by the experiment page's modules. Data from the server is only ever put into the
// page as text (textContent), never as HTML.

export const COLORS = ['#2f6690', '#c0562f', '#3a7d44', '#7d5ba6', '#b08a1e', '#2a8c88', '#b3476b', '#5c6770'];

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}

let uiTexts = null;

/**
 * Returns a UI text in the page's language: the layout puts the texts scripts need into <template id="ui-texts">
 * (one span per key). Without it, or without the key, the English fallback shows. {0}, {1}, ... take the values.
 */
export function uiText(key, fallback, ...values) {
  if (uiTexts === null) {
    uiTexts = new Map();
    const holder = document.getElementById('ui-texts');
    if (holder && holder.content) {
      holder.content.querySelectorAll('[data-key]').forEach((span) => uiTexts.set(span.dataset.key, span.textContent));
    }
  }
  let text = uiTexts.has(key) ? uiTexts.get(key) : fallback;
  values.forEach((value, i) => {
    text = text.split('{' + i + '}').join(String(value));
  });
  return text;
}

export function idPart(name) {
  return String(name).replace(/\s+/g, '-');
}

/** Returns a finite number or null. The server writes NaN and infinities as the strings "NaN", "Infinity". */
export function finite(value) {
  return typeof value === 'number' && isFinite(value) ? value : null;
}

/** Reads a JSON number, including the strings "NaN", "Infinity" and "-Infinity"; anything else is NaN. */
export function toNumber(value) {
  if (typeof value === 'number') {
    return value;
  }
  if (value === 'Infinity') {
    return Infinity;
  }
  if (value === '-Infinity') {
    return -Infinity;
  }
  return NaN;
}

export function list(value) {
  return Array.isArray(value) ? value : [];
}

export function chartsAvailable() {
  return typeof window.Chart === 'function';
}

export function getJson(url) {
  return fetch(url, {headers: {Accept: 'application/json'}})
    .then((response) => {
      if (!response.ok) {
        throw new Error(url + ' answered HTTP ' + response.status);
      }
      return response.json();
    })
    .catch((error) => {
      console.warn('Lectern:', error);
      return null;
    });
}

/** Formats a value for a table cell: six significant digits, integers as they are. */
export function format(value) {
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

/** Adds a "log scale" check box to a caption; returns the box. */
export function logToggle(caption, id, text) {
  const toggle = element('label', 'log-toggle');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  toggle.append(box, ' ' + text);
  caption.appendChild(toggle);
  return box;
}

/**
 * Returns the x of a stored metric point on a chart drawn by 'step' or by 'epoch'. Per-epoch metrics store the epoch,
 * the others the optimizer step; without the run's steps per epoch the stored x is all there is.
 */
export function xOn(axis, stored, perEpoch, stepsPerEpoch) {
  if (!stepsPerEpoch) {
    return stored;
  }
  if (axis === 'epoch') {
    return perEpoch ? stored : stored / stepsPerEpoch;
  }
  return perEpoch ? stored * stepsPerEpoch : stored;
}

// The predict form, sent as JSON so that the answer appears without a page load. Without JavaScript the
// form posts to the page route and the server renders the answer or the error.
import {element} from './common.js';
import {enhanceDrawing} from './draw.js';
import {renderViews} from './views.js';

/** Enhances `form#predict-form`, posting to `{api}/predict`. */
export function enhancePredict(api) {
  const form = document.getElementById('predict-form');
  const button = document.getElementById('predict');
  const output = document.getElementById('prediction');
  if (!form || !button || !output || !window.fetch) {
    return;
  }
  enhanceDrawing(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) {
      return;
    }
    clearErrors(form);
    button.disabled = true;
    output.classList.add('pending');
    fetch(api + '/predict', {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json'},
      body: JSON.stringify(values(form))
    }).then((response) => response.json().catch(() => ({})).then((body) => {
      if (response.ok) {
        output.textContent = answer(body);
        showViews(Array.isArray(body.views) ? body.views : []);
      } else {
        output.textContent = '';   // the answer was for other input
        showViews([]);
        showError(form, body && body.error ? String(body.error) : 'The server answered HTTP ' + response.status + '.',
          body && body.field);
      }
    }), () => {
      form.submit();   // no connection for fetch: fall back to the plain form post
    }).finally(() => {
      button.disabled = false;
      output.classList.remove('pending');
    });
  });
}

// Numbers go as numbers, true/false as booleans; text that is not a number goes as it is, for the
// server to refuse with the field named.
function values(form) {
  const out = {};
  for (const input of form.elements) {
    if (!input.name || input.disabled || input.type === 'submit') {
      continue;
    }
    const text = input.value.trim();
    if (input.type === 'number' && text !== '' && isFinite(Number(text))) {
      out[input.name] = Number(text);
    } else if (input.tagName === 'SELECT' && (text === 'true' || text === 'false') && input.options.length === 2) {
      out[input.name] = text === 'true';
    } else {
      out[input.name] = text;
    }
  }
  return out;
}

function showViews(views) {
  const host = document.getElementById('prediction-views');
  if (host) {
    renderViews(host, views, 'predict-');
  }
}

function answer(body) {
  if (body && typeof body.text === 'string' && body.text !== '') {
    return body.text;
  }
  const values = body && body.values && typeof body.values === 'object' ? body.values : {};
  return Object.keys(values).map((key) => key + ' = ' + values[key]).join(', ');
}

function clearErrors(form) {
  const general = document.getElementById('predict-error');
  if (general) {
    general.textContent = '';
    general.hidden = true;
  }
  form.querySelectorAll('[aria-invalid="true"]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    input.classList.remove('invalid');
    const describedBy = (input.getAttribute('aria-describedby') || '').split(/\s+/)
      .filter((id) => id && id !== 'error-' + input.name).join(' ');
    describedBy ? input.setAttribute('aria-describedby', describedBy) : input.removeAttribute('aria-describedby');
    const field = input.closest('.field');
    if (field) {
      field.classList.remove('has-error');
    }
  });
  // Errors the server rendered into the page belong to the previous answer.
  form.querySelectorAll('.field-error[id^="error-"]').forEach((node) => node.remove());
}

function showError(form, message, field) {
  const input = field ? form.elements.namedItem(String(field)) : null;
  if (input && input.closest) {
    const error = element('p', 'field-error', message);
    error.id = 'error-' + input.name;
    const holder = input.closest('.field');
    input.insertAdjacentElement('afterend', error);
    input.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', (error.id + ' ' + (input.getAttribute('aria-describedby') || '')).trim());
    if (holder) {
      holder.classList.add('has-error');
    }
    input.focus();
    return;
  }
  const general = document.getElementById('predict-error');
  if (general) {
    general.textContent = message;
    general.hidden = false;
  }
}

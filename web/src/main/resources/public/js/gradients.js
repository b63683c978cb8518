// The run page's gradient check: one POST to {api}/gradient-check, and the answer as a table of the checked
// entries (parameter, backpropagation, central differences, relative error, pass). Text only, never HTML.
import {element, list, toNumber} from './common.js';

/** Shows `#gradient-section` (hidden without JavaScript, which it needs) and wires its button; once per section. */
export function enhanceGradientCheck() {
  const section = document.getElementById('gradient-section');
  const button = document.getElementById('check-gradients');
  if (!section || !button || !window.fetch || section.dataset.enhanced) {
    return;
  }
  section.dataset.enhanced = 'true';
  section.hidden = false;
  button.addEventListener('click', () => check(button, section.dataset.api));
}

function check(button, api) {
  if (button.disabled) {
    return;
  }
  const verdict = document.getElementById('gradient-verdict');
  const error = document.getElementById('gradient-error');
  error.hidden = true;
  button.disabled = true;
  verdict.textContent = 'Checking…';
  fetch(api + '/gradient-check', {method: 'POST', headers: {Accept: 'application/json'}})
    .then((response) => response.json().catch(() => ({})).then((body) => {
      if (!response.ok) {
        verdict.textContent = '';
        error.textContent = body && body.error ? String(body.error) : 'The server answered HTTP ' + response.status + '.';
        error.hidden = false;
        return;
      }
      render(body);
      verdict.textContent = (body.passed ? 'Passed: ' : 'Failed: ') + 'worst relative error '
        + exponent(body.worst) + ' over ' + list(body.rows).length + ' entries (tolerance ' + exponent(body.tolerance) + ')';
    }), () => {
      verdict.textContent = '';
      error.textContent = 'No connection to the server.';
      error.hidden = false;
    })
    .finally(() => {
      button.disabled = false;
    });
}

function render(body) {
  const host = document.getElementById('gradient-result');
  host.replaceChildren();
  host.tabIndex = 0;
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', 'Gradient check table');
  const table = element('table', 'data gradient-table');
  table.id = 'gradient-table';
  table.appendChild(element('caption', null, 'Analytic (backpropagation) and numeric (central differences) ∂J/∂θ on '
    + body.batchRows + ' examples, J = ' + precise(body.loss)));
  const head = element('thead');
  const headRow = element('tr');
  ['Parameter', 'Analytic', 'Numeric', 'Relative error', 'Pass'].forEach((text) => {
    const cell = element('th', null, text);
    cell.scope = 'col';
    headRow.appendChild(cell);
  });
  head.appendChild(headRow);
  const rows = element('tbody');
  list(body.rows).forEach((r) => {
    const row = element('tr', r.passed ? 'passed' : 'failed');
    const name = element('th', null, r.parameter);
    name.scope = 'row';
    row.append(name, element('td', null, precise(r.analytic)), element('td', null, precise(r.numeric)),
      element('td', null, exponent(r.relativeError)), element('td', null, r.passed ? 'yes' : 'no'));
    rows.appendChild(row);
  });
  table.append(head, rows);
  host.appendChild(table);
}

function precise(value) {
  const v = toNumber(value);
  return isFinite(v) ? v.toPrecision(9) : String(value);
}

function exponent(value) {
  const v = toNumber(value);
  return v === 0 ? '0' : isFinite(v) ? v.toExponential(2) : String(value);
}

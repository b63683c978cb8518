// Runs table: pick runs to compare, and keep queued and running rows current without a reload.
import {getJson, uiText} from './common.js';

const MIN = 2;
const MAX = 20;
const POLL_MS = 2000;

function enhanceSelection() {
  const form = document.getElementById('compare-form');
  const button = document.getElementById('compare');
  const count = document.getElementById('selection-count');
  if (!form || !button) {
    return;
  }
  const update = () => {
    const n = form.querySelectorAll('input.select-run:checked').length;
    button.disabled = n < MIN || n > MAX;
    if (count) {
      count.textContent = n === 0 ? uiText('js.selectHint', 'Select 2 to 20 runs to compare.')
        : n < MIN ? uiText('js.selectedTooFew', '{0} selected: select at least 2.', n)
          : n > MAX ? uiText('js.selectedTooMany', '{0} selected: at most 20 can be compared.', n)
            : uiText('js.selected', '{0} selected.', n);
    }
  };
  form.addEventListener('change', update);
  // The URL lists the ids in one parameter, so a comparison can be shared by its address.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = Array.from(form.querySelectorAll('input.select-run:checked')).map((box) => box.value);
    if (ids.length >= MIN && ids.length <= MAX) {
      // Grouped by a hyperparameter: the comparison colours its curves by the same one.
      const colorBy = document.getElementById('compare-color-by');
      window.location.href = '/compare?ids=' + ids.join(',')
        + (colorBy ? '&colorBy=' + encodeURIComponent(colorBy.value) : '');
    }
  });
  update();
}

function keepActiveRowsCurrent() {
  const rows = () => Array.from(document.querySelectorAll('#runs tr[data-active="true"]'));
  const tick = () => {
    const active = rows();
    if (active.length === 0) {
      return;
    }
    Promise.all(active.map((row) => getJson('/api/experiments/' + row.dataset.id).then((run) => {
      if (!run) {
        return;
      }
      const badge = row.querySelector('.run-status .badge');
      const shown = uiText('status.' + run.status, run.status);
      if (badge && badge.textContent !== shown) {
        badge.textContent = shown;
        badge.className = 'badge status-' + run.status.toLowerCase();
      }
      const bar = row.querySelector('.row-progress');
      if (bar && run.progress && run.progress.total > 0) {
        bar.value = Math.min(100, Math.round(100 * run.progress.done / run.progress.total));
      }
      if (run.status !== 'QUEUED' && run.status !== 'RUNNING') {
        row.dataset.active = 'false';
        if (bar) {
          bar.remove();
        }
      }
    }))).finally(() => window.setTimeout(tick, POLL_MS));
  };
  window.setTimeout(tick, POLL_MS);
}

enhanceSelection();
keepActiveRowsCurrent();

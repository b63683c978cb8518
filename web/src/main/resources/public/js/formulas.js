// A Formulas view (API 1.4): the lecture's formulas with the model's current numbers filled in, one TeX line each,
// typeset with KaTeX (served locally from its WebJar) when it loaded, else shown as TeX. Each line keeps its source in
// data-tex, so what the page says can be read back exactly.
import {element, list} from './common.js';

/** Draws each formula, with its note under it. */
export function renderFormulas(figure, view, index) {
  const box = element('div', 'formulas');
  box.id = 'view-' + index;
  const notes = list(view.notes);
  list(view.lines).forEach((line, i) => {
    const tex = String(line);
    const node = element('div', 'formula', tex);
    node.dataset.tex = tex;
    if (window.katex) {
      try {
        window.katex.render(tex, node, {throwOnError: false, displayMode: true});
        node.classList.add('typeset');
      } catch (error) {
        console.warn('Lectern: could not typeset', tex, error);
      }
    }
    box.appendChild(node);
    if (notes[i]) {
      box.appendChild(element('p', 'view-note formula-note', String(notes[i])));
    }
  });
  figure.appendChild(box);
  figure.classList.add('wide');
  // A formula wider than its box scrolls sideways, so it must be reachable by keyboard and named (as on the plugin
  // page, math.js); checked once laid out and whenever the box's width changes.
  const mark = () => markScrolling(box, view.title || 'Formula');
  window.requestAnimationFrame(mark);
  if (window.ResizeObserver) {
    new ResizeObserver(mark).observe(box);
  }
}

function markScrolling(box, title) {
  const nodes = box.querySelectorAll('div.formula');
  nodes.forEach((node, i) => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', title + ', formula ' + (i + 1) + ' of ' + nodes.length + ', scrolls sideways');
    } else if (node.hasAttribute('tabindex')) {
      node.removeAttribute('tabindex');
      node.removeAttribute('role');
      node.removeAttribute('aria-label');
    }
  });
}

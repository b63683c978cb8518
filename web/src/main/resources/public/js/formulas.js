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
}

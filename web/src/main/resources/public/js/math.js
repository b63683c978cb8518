// Plugin page: typesets each `div.formula` (its text is TeX) with KaTeX, served from the KaTeX WebJar.
// Without JavaScript, or if KaTeX did not load, the TeX source stays readable as it is.
(function () {
  'use strict';
  if (!window.katex) {
    console.warn('Lectern: KaTeX did not load; formulas stay as TeX');
    return;
  }
  document.querySelectorAll('div.formula').forEach(function (node) {
    var source = node.textContent.trim();
    try {
      window.katex.render(source, node, {throwOnError: false, displayMode: true});
      node.classList.add('typeset');
    } catch (error) {
      console.warn('Lectern: could not typeset', source, error);
    }
  });
})();

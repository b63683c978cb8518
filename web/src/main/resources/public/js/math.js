// Plugin page: typesets each `div.formula` (its text is TeX) with KaTeX, served from the KaTeX WebJar.
// Without JavaScript, or if KaTeX did not load, the TeX source stays readable as it is.
(function () {
  'use strict';
  if (!window.katex) {
    console.warn('Lectern: KaTeX did not load; formulas stay as TeX');
    return;
  }
  var formulas = document.querySelectorAll('div.formula');
  formulas.forEach(function (node) {
    var source = node.textContent.trim();
    try {
      window.katex.render(source, node, {throwOnError: false, displayMode: true});
      node.classList.add('typeset');
    } catch (error) {
      console.warn('Lectern: could not typeset', source, error);
    }
  });

  // A typeset formula wider than its box scrolls sideways; the keyboard must be able to scroll it too, so such
  // a formula becomes a named, focusable region. Checked again when the window's width or the fonts change.
  function markScrolling() {
    formulas.forEach(function (node, index) {
      if (node.scrollWidth > node.clientWidth + 1) {
        node.tabIndex = 0;
        node.setAttribute('role', 'region');
        node.setAttribute('aria-label', 'Formula ' + (index + 1) + ' of ' + formulas.length + ', scrolls sideways');
      } else if (node.hasAttribute('tabindex')) {
        node.removeAttribute('tabindex');
        node.removeAttribute('role');
        node.removeAttribute('aria-label');
      }
    });
  }
  markScrolling();
  var pending = 0;
  window.addEventListener('resize', function () {
    window.cancelAnimationFrame(pending);
    pending = window.requestAnimationFrame(markScrolling);
  });
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(markScrolling);
  }
})();

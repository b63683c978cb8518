// Plugin page: choosing another data set reloads the page so that its default values fill the form.
// Without JavaScript the form still works; the values typed are then submitted as they are.
(function () {
  'use strict';
  var select = document.getElementById('dataset');
  if (!select) {
    return;
  }
  select.addEventListener('change', function () {
    var base = select.getAttribute('data-reload') || window.location.pathname;
    window.location.assign(base + '?dataset=' + encodeURIComponent(select.value));
  });
})();

// Data set pages: the scatter plot of two chosen columns, a size check before an upload is sent, and a confirmation
// before an upload is deleted. Without JavaScript the pages still show everything but the plot, and the forms work.
(function () {
  'use strict';

  var COLORS = ['#2f6690', '#c0562f', '#3a7d44', '#7d5ba6', '#b08a1e', '#2a8c88', '#b3476b', '#5c6770'];

  // ---- upload form: refuse a file over the limit before sending it -------------------------------------------

  var form = document.getElementById('upload-form');
  if (form) {
    form.addEventListener('submit', function (event) {
      var input = document.getElementById('file');
      var max = Number(form.getAttribute('data-max-bytes'));
      var file = input && input.files && input.files[0];
      if (file && max > 0 && file.size > max) {
        event.preventDefault();
        showFileError(input, 'The file is larger than the upload limit of ' + form.getAttribute('data-max-size') + '.');
      }
    });
  }

  function showFileError(input, text) {
    var error = document.getElementById('error-file');
    if (!error) {
      error = document.createElement('p');
      error.className = 'field-error';
      error.id = 'error-file';
      error.setAttribute('role', 'alert');
      input.insertAdjacentElement('afterend', error);
    }
    error.textContent = text;
    input.classList.add('invalid');
    input.setAttribute('aria-invalid', 'true');
  }

  // ---- delete: ask first --------------------------------------------------------------------------------------

  var deleteForm = document.getElementById('delete-form');
  if (deleteForm) {
    deleteForm.addEventListener('submit', function (event) {
      if (!window.confirm(deleteForm.getAttribute('data-confirm') || 'Delete this data set?')) {
        event.preventDefault();
      }
    });
  }

  // ---- scatter plot -------------------------------------------------------------------------------------------

  var canvas = document.getElementById('scatter');
  var xSelect = document.getElementById('x-column');
  var ySelect = document.getElementById('y-column');
  var note = document.getElementById('scatter-note');
  if (!canvas || !xSelect || !ySelect) {
    return;
  }
  var chart = null;
  var latest = 0;

  function say(text) {
    if (note) {
      note.textContent = text;
    }
  }

  function load() {
    var request = ++latest;
    var url = canvas.getAttribute('data-src') + '?x=' + encodeURIComponent(xSelect.value) +
      '&y=' + encodeURIComponent(ySelect.value);
    fetch(url, {headers: {Accept: 'application/json'}})
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) {
            throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
          }
          return body;
        });
      })
      .then(function (data) {
        if (request === latest) {
          draw(data);
        }
      })
      .catch(function (error) {
        if (request === latest) {
          say('The plot could not be drawn: ' + error.message);
        }
      });
  }

  function groups(data) {
    var byKey = {};
    var keys = [];
    for (var i = 0; i < data.points.length; i++) {
      var key = data.classes ? data.classes[i] : 0;
      if (!byKey.hasOwnProperty(key)) {
        byKey[key] = [];
        keys.push(key);
      }
      byKey[key].push({x: data.points[i][0], y: data.points[i][1]});
    }
    keys.sort(function (a, b) { return a - b; });
    return keys.map(function (key, index) {
      var color = COLORS[index % COLORS.length];
      return {
        label: data.classes ? data.label + ' = ' + key : data.y.name,
        data: byKey[key],
        backgroundColor: color + '99',
        borderColor: color,
        borderWidth: 1,
        pointRadius: data.points.length > 1000 ? 2.5 : 4
      };
    });
  }

  function draw(data) {
    canvas.setAttribute('data-points', String(data.points.length));
    say(data.shown < data.rows ? 'Showing ' + data.shown + ' of ' + data.rows + ' rows, evenly spaced.' : '');
    if (typeof window.Chart !== 'function') {
      say('The chart library did not load, so the plot cannot be drawn.');
      return;
    }
    if (chart) {
      chart.destroy();
    }
    chart = new window.Chart(canvas, {
      type: 'scatter',
      data: {datasets: groups(data)},
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: {grace: '4%', title: {display: true, text: data.x.name}},
          y: {grace: '4%', title: {display: true, text: data.y.name}}
        },
        plugins: {
          legend: {display: !!data.classes, position: 'bottom'},
          tooltip: {
            callbacks: {
              label: function (item) {
                return '(' + item.parsed.x + ', ' + item.parsed.y + ')';
              }
            }
          }
        }
      }
    });
  }

  xSelect.addEventListener('change', load);
  ySelect.addEventListener('change', load);
  load();
})();

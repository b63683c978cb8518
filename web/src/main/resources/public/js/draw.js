// Drawing canvases for picture inputs: white ink on black, like MNIST's digits, drawn with a mouse, pen or
// finger. After each stroke the picture goes into the field's hidden input as a PNG data URL.

const INK = '#ffffff';
const PAPER = '#000000';

/** Makes every `.draw` block inside `root` drawable. */
export function enhanceDrawing(root) {
  root.querySelectorAll('.draw').forEach((block) => {
    const canvas = block.querySelector('canvas');
    const input = block.querySelector('input[type="hidden"]');
    const clear = block.querySelector('.draw-clear');
    if (!canvas || !input || !canvas.getContext) {
      return;
    }
    const context = canvas.getContext('2d');
    const blank = () => {
      context.fillStyle = PAPER;
      context.fillRect(0, 0, canvas.width, canvas.height);
      input.value = '';
    };
    blank();
    // A stroke about as thick, relative to the box, as a pen stroke in an MNIST digit.
    context.lineWidth = canvas.width / 12;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = INK;
    canvas.style.touchAction = 'none';   // the finger draws instead of scrolling the page

    let last = null;
    const at = (event) => {
      const box = canvas.getBoundingClientRect();
      return {x: (event.clientX - box.left) * canvas.width / box.width, y: (event.clientY - box.top) * canvas.height / box.height};
    };
    canvas.addEventListener('pointerdown', (event) => {
      canvas.setPointerCapture(event.pointerId);
      last = at(event);
      line(context, last, last);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (last) {
        const next = at(event);
        line(context, last, next);
        last = next;
      }
    });
    const end = () => {
      if (last) {
        last = null;
        input.value = canvas.toDataURL('image/png');
      }
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    if (clear) {
      clear.addEventListener('click', blank);
    }

    // Without a pointer: a sample digit, from the select beside the canvas or a digit key on the focused canvas.
    const sample = block.querySelector('.draw-sample');
    const drawSample = (digit) => {
      blank();
      drawDigit(context, canvas.width, digit);
      input.value = canvas.toDataURL('image/png');
    };
    if (sample) {
      sample.addEventListener('change', () => {
        if (sample.value !== '') {
          drawSample(sample.value);
        }
      });
      if (clear) {
        clear.addEventListener('click', () => {
          sample.value = '';
        });
      }
    }
    canvas.addEventListener('keydown', (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        drawSample(event.key);
        if (sample) {
          sample.value = event.key;
        }
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        event.preventDefault();
        blank();
        if (sample) {
          sample.value = '';
        }
      }
    });
    canvas.dataset.ready = 'true';
  });
}

function line(context, from, to) {
  context.beginPath();
  context.moveTo(from.x, from.y);
  context.lineTo(to.x, to.y);
  context.stroke();
}

// Sample digits as pen strokes on a 10×10 grid, drawn inside the middle of the square as a person might write them.
const DIGITS = {
  0: [[[5, 1], [3, 2], [2, 5], [3, 8], [5, 9], [7, 8], [8, 5], [7, 2], [5, 1]]],
  1: [[[4, 2.5], [5.5, 1], [5.5, 9]]],
  2: [[[2.5, 3], [4, 1.2], [6.5, 1.2], [7.5, 3], [6.5, 5], [2.5, 9], [7.8, 9]]],
  3: [[[2.5, 2], [4.5, 1], [7, 1.8], [7, 4], [4.5, 5], [7.3, 6], [7.3, 8.2], [4.5, 9], [2.5, 8]]],
  4: [[[6.5, 9], [6.5, 1], [2, 6.5], [8, 6.5]]],
  5: [[[7.5, 1], [3, 1], [2.7, 4.5], [5.5, 4], [7.5, 5.5], [7.3, 8], [5, 9], [2.5, 8.2]]],
  6: [[[7, 1.5], [4.5, 1], [2.5, 4], [2.5, 7.5], [4.5, 9], [7, 8], [7.3, 6], [5.5, 4.8], [2.7, 5.8]]],
  7: [[[2, 1], [8, 1], [4.5, 9]]],
  8: [[[5, 5], [2.8, 3.4], [3.2, 1.5], [5, 1], [6.8, 1.5], [7.2, 3.4], [5, 5], [2.5, 6.8], [3, 8.6], [5, 9],
    [7, 8.6], [7.5, 6.8], [5, 5]]],
  9: [[[7.3, 4.5], [5, 5.5], [2.8, 4.3], [3, 2], [5, 1], [7, 1.8], [7.3, 4.5], [6.8, 9]]]
};

function drawDigit(context, size, digit) {
  const cell = size / 10;
  (DIGITS[digit] || []).forEach((stroke) => {
    context.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? context.moveTo(x * cell, y * cell) : context.lineTo(x * cell, y * cell)));
    context.stroke();
  });
}

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
    canvas.dataset.ready = 'true';
  });
}

function line(context, from, to) {
  context.beginPath();
  context.moveTo(from.x, from.y);
  context.lineTo(to.x, to.y);
  context.stroke();
}

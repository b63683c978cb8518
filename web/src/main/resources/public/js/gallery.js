// Picture views: an ImageGallery of small grey-scale images (digits, filters, feature maps), each drawn pixel for
// pixel on a canvas scaled up without smoothing, and a TextView shown as preformatted text.
import {element, list, toNumber} from './common.js';

/** Draws every image of the gallery with its caption. */
export function renderGallery(figure, view, index) {
  const grid = element('div', 'gallery');
  grid.id = 'view-' + index;
  list(view.images).forEach((image, i) => {
    const item = element('figure', 'gallery-item');
    const canvas = document.createElement('canvas');
    canvas.id = 'view-' + index + '-image-' + i;
    canvas.width = image.width;
    canvas.height = image.height;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', image.caption || 'image');
    paint(canvas, image);
    item.appendChild(canvas);
    if (image.caption) {
      item.appendChild(element('figcaption', null, image.caption));
    }
    grid.appendChild(item);
  });
  figure.appendChild(grid);
}

/** Shows text exactly as given, line breaks kept. */
export function renderText(figure, view, index) {
  const pre = element('pre', 'view-text', view.text || '');
  pre.id = 'view-' + index;
  figure.appendChild(pre);
}

function paint(canvas, image) {
  const context = canvas.getContext('2d');
  const data = context.createImageData(image.width, image.height);
  const pixels = list(image.pixels);
  for (let p = 0; p < image.width * image.height; p++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, toNumber(pixels[p]) || 0)));
    data.data[4 * p] = v;
    data.data[4 * p + 1] = v;
    data.data[4 * p + 2] = v;
    data.data[4 * p + 3] = 255;
  }
  context.putImageData(data, 0, 0);
}

// Lines of text a run reports per step (a char-RNN's predicted string each epoch, samples of generated text):
// one list per name, highest step first, fed by the history and by live `texts` events. A line that arrives twice
// (history and live overlap) is shown once.
import {element} from './common.js';

const MAX_SHOWN = 200;
const seen = new Set();

/** Adds lines `[{name, step, text}]` in report order. */
export function addTexts(lines) {
  const section = document.getElementById('texts-section');
  const host = document.getElementById('texts');
  if (!section || !host || !Array.isArray(lines)) {
    return;
  }
  lines.forEach((line) => {
    if (!line || typeof line.name !== 'string' || typeof line.text !== 'string') {
      return;
    }
    const key = line.name + '\u0000' + line.step + '\u0000' + line.text;
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    const list = listFor(host, line.name);
    const item = element('li', 'text-line');
    item.dataset.step = String(line.step);
    item.appendChild(element('span', 'text-step', 'step ' + line.step));
    item.appendChild(element('pre', 'text-value', line.text));
    // Newest step first, wherever a line comes from: the history can arrive after newer live lines.
    const older = Array.from(list.children).find((other) => Number(other.dataset.step) < Number(line.step));
    list.insertBefore(item, older || null);
    while (list.children.length > MAX_SHOWN) {
      list.removeChild(list.lastChild);
    }
  });
  section.hidden = host.children.length === 0;
}

function listFor(host, name) {
  const id = 'texts-' + name.replace(/[^A-Za-z0-9_-]/g, '_');
  let list = document.getElementById(id);
  if (!list) {
    const block = element('div', 'text-block');
    const heading = element('h3', 'text-name', name);
    heading.id = id + '-heading';
    block.appendChild(heading);
    // Up to 200 lines scroll inside the block: a region the keyboard can reach, named by its heading.
    const scroll = element('div', 'text-scroll');
    scroll.tabIndex = 0;
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-labelledby', heading.id);
    list = element('ol', 'text-lines');
    list.id = id;
    scroll.appendChild(list);
    block.appendChild(scroll);
    host.appendChild(block);
  }
  return list;
}

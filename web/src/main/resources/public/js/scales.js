// Axis ticks, tick labels and the colour map of the heat maps.

// Viridis (matplotlib's perceptually uniform map, CC0), sampled at eleven even stops from low to high.
const VIRIDIS = [
  [68, 1, 84], [72, 36, 117], [65, 68, 135], [53, 95, 141], [42, 120, 142], [33, 145, 140],
  [34, 168, 132], [68, 191, 112], [122, 209, 81], [189, 223, 38], [253, 231, 37]
];

/** 256 colours from low to high, as [r, g, b]. */
export const PALETTE = (() => {
  const out = [];
  for (let k = 0; k < 256; k++) {
    const t = k / 255 * (VIRIDIS.length - 1);
    const i = Math.min(Math.floor(t), VIRIDIS.length - 2);
    const f = t - i;
    out.push(VIRIDIS[i].map((c, n) => Math.round(c + f * (VIRIDIS[i + 1][n] - c))));
  }
  return out;
})();

/** Returns the colour at t in [0, 1] as a CSS colour. */
export function paletteColor(t) {
  const [r, g, b] = PALETTE[Math.max(0, Math.min(255, Math.round(t * 255)))];
  return 'rgb(' + r + ',' + g + ',' + b + ')';
}

/** Returns a step of 1, 2 or 5 times a power of ten that cuts the range into about `count` parts. */
function niceStep(range, count) {
  const raw = range / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
}

/** Returns round tick values inside [min, max], with the step to format them by. */
export function linearTicks(min, max, count) {
  if (!(max > min)) {
    return {values: [min], step: Math.abs(min) || 1};
  }
  const step = niceStep(max - min, count);
  const values = [];
  const first = Math.ceil(min / step - 1e-9);
  for (let k = first; k * step <= max + step * 1e-9; k++) {
    values.push(Math.abs(k * step) < step * 1e-9 ? 0 : Number((k * step).toPrecision(12)));
  }
  return {values: values, step: step};
}

/** Returns ticks for a logarithmic scale on [min, max], min > 0: powers of ten, with 2 and 5 times them if few. */
export function logTicks(min, max, count) {
  const low = Math.floor(Math.log10(min));
  const high = Math.ceil(Math.log10(max));
  const inside = (v) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  let values = [];
  for (let p = low; p <= high; p++) {
    values.push(Math.pow(10, p));
  }
  values = values.filter(inside);
  if (values.length < 3) {
    const more = [];
    for (let p = low; p <= high; p++) {
      [1, 2, 5].forEach((m) => more.push(m * Math.pow(10, p)));
    }
    values = more.filter(inside);
  }
  if (values.length < 2) {
    return linearTicks(min, max, count).values.filter((v) => v > 0);
  }
  while (values.length > count * 1.5) {
    values = values.filter((v, k) => k % 2 === 0);
  }
  return values;
}

/** Formats a tick value; `step` is the distance between ticks on a linear axis, else omitted. */
export function tickLabel(value, step) {
  const size = Math.abs(value);
  if (value !== 0 && (size >= 1e5 || size < 1e-3)) {
    return value.toExponential(size.toExponential(1).startsWith('1.0') ? 0 : 1).replace('e+', 'e');
  }
  if (step) {
    const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
    return value.toFixed(decimals);
  }
  return String(Number(value.toPrecision(3)));
}

/** Formats a value read off a chart: four significant digits. */
export function readout(value) {
  if (!isFinite(value)) {
    return String(value);
  }
  const size = Math.abs(value);
  if (value !== 0 && (size >= 1e6 || size < 1e-4)) {
    return value.toExponential(3);
  }
  return String(Number(value.toPrecision(4)));
}

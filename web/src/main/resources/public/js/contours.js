// Contour lines of a value grid by marching squares, joined into polylines.
//
// values[i][j] is the value at (xs[j], ys[i]). Each cell of four grid points that the level crosses
// gets one segment (two at a saddle, split by the cell's mean) between the crossing points on its
// edges; segments that share an edge point are joined into polylines, closed ones ending where they
// began. Cells with a non-finite corner are skipped, so a contour stops at a hole.

/** Returns the polylines of one level as arrays of [x, y] points in data coordinates. */
export function contourLines(xs, ys, values, level) {
  const nx = xs.length;
  const ny = ys.length;
  const points = new Map();   // edge key -> [x, y]
  const links = new Map();    // edge key -> edge keys it is joined to

  // Horizontal edge (i, j)-(i, j+1) has key 2(i nx + j); vertical edge (i, j)-(i+1, j) has key 2(i nx + j) + 1.
  const horizontal = (i, j) => 2 * (i * nx + j);
  const vertical = (i, j) => 2 * (i * nx + j) + 1;

  function cross(key, x0, y0, v0, x1, y1, v1) {
    if (!points.has(key)) {
      const t = (level - v0) / (v1 - v0);
      points.set(key, [x0 + t * (x1 - x0), y0 + t * (y1 - y0)]);
    }
    return key;
  }

  function link(a, b) {
    (links.get(a) || links.set(a, []).get(a)).push(b);
    (links.get(b) || links.set(b, []).get(b)).push(a);
  }

  for (let i = 0; i + 1 < ny; i++) {
    const row = values[i];
    const above = values[i + 1];
    if (!Array.isArray(row) || !Array.isArray(above)) {
      continue;
    }
    for (let j = 0; j + 1 < nx; j++) {
      const a = row[j];            // (xs[j], ys[i])
      const b = row[j + 1];        // (xs[j+1], ys[i])
      const c = above[j + 1];      // (xs[j+1], ys[i+1])
      const d = above[j];          // (xs[j], ys[i+1])
      if (!isFinite(a) || !isFinite(b) || !isFinite(c) || !isFinite(d)) {
        continue;
      }
      const code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
      if (code === 0 || code === 15) {
        continue;
      }
      const x0 = xs[j];
      const x1 = xs[j + 1];
      const y0 = ys[i];
      const y1 = ys[i + 1];
      const crossed = [];
      if ((code & 1) !== (code & 2) >> 1) {
        crossed.push(cross(horizontal(i, j), x0, y0, a, x1, y0, b));          // bottom
      }
      if ((code & 2) >> 1 !== (code & 4) >> 2) {
        crossed.push(cross(vertical(i, j + 1), x1, y0, b, x1, y1, c));        // right
      }
      if ((code & 4) >> 2 !== (code & 8) >> 3) {
        crossed.push(cross(horizontal(i + 1, j), x1, y1, c, x0, y1, d));      // top
      }
      if ((code & 8) >> 3 !== (code & 1)) {
        crossed.push(cross(vertical(i, j), x0, y1, d, x0, y0, a));            // left
      }
      if (crossed.length === 2) {
        link(crossed[0], crossed[1]);
      } else if (crossed.length === 4) {
        // A saddle: crossed is [bottom, right, top, left]. When the mean is on the same side as corners
        // a and c, the corners b and d are cut off; otherwise a and c are.
        const [bottom, right, top, left] = crossed;
        const centreHigh = (a + b + c + d) / 4 >= level;
        const acHigh = (code & 1) !== 0;
        if (centreHigh === acHigh) {
          link(bottom, right);
          link(top, left);
        } else {
          link(left, bottom);
          link(right, top);
        }
      }
    }
  }
  return join(points, links);
}

function join(points, links) {
  const lines = [];
  const seen = new Set();
  const walk = (start) => {
    const line = [points.get(start)];
    seen.add(start);
    let previous = -1;
    let current = start;
    for (;;) {
      const next = (links.get(current) || []).find((k) => k !== previous && !seen.has(k));
      if (next === undefined) {
        // A closed line comes back to where it began.
        if (previous !== -1 && (links.get(current) || []).includes(start) && line.length > 2) {
          line.push(points.get(start));
        }
        break;
      }
      line.push(points.get(next));
      seen.add(next);
      previous = current;
      current = next;
    }
    lines.push(line);
  };
  // Open lines first, from one of their ends, so that they are not cut in two.
  for (const [key, neighbours] of links) {
    if (neighbours.length === 1 && !seen.has(key)) {
      walk(key);
    }
  }
  for (const key of links.keys()) {
    if (!seen.has(key)) {
      walk(key);
    }
  }
  return lines;
}

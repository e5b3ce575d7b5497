import type { PathCommand } from "./fonts";

/**
 * A small scanline rasteriser for the poster PNG: fills glyph outlines (non-zero winding, as
 * TrueType fonts expect) with anti-aliasing from 4 sub-scanlines per pixel row and exact
 * horizontal coverage, and axis-aligned rectangles snapped to pixels (crisp QR modules).
 */
export class Canvas {
  readonly rgb: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3).fill(255);
  }

  fillRect(x0: number, y0: number, x1: number, y1: number, color: string): void {
    const [r, g, b] = parseColor(color);
    const xa = Math.max(0, Math.round(x0));
    const xb = Math.min(this.width, Math.round(x1));
    const ya = Math.max(0, Math.round(y0));
    const yb = Math.min(this.height, Math.round(y1));
    for (let y = ya; y < yb; y++) {
      for (let x = xa; x < xb; x++) {
        const i = (y * this.width + x) * 3;
        this.rgb[i] = r;
        this.rgb[i + 1] = g;
        this.rgb[i + 2] = b;
      }
    }
  }

  fillPath(commands: PathCommand[], color: string): void {
    const edges = flatten(commands);
    if (edges.length === 0) return;
    const [r, g, b] = parseColor(color);
    let minY = Infinity;
    let maxY = -Infinity;
    let minX = Infinity;
    let maxX = -Infinity;
    for (const e of edges) {
      minY = Math.min(minY, e.y0, e.y1);
      maxY = Math.max(maxY, e.y0, e.y1);
      minX = Math.min(minX, e.x0, e.x1);
      maxX = Math.max(maxX, e.x0, e.x1);
    }
    const yStart = Math.max(0, Math.floor(minY));
    const yEnd = Math.min(this.height, Math.ceil(maxY));
    const xStart = Math.max(0, Math.floor(minX));
    const xEnd = Math.min(this.width, Math.ceil(maxX) + 1);
    const coverage = new Float32Array(xEnd - xStart);
    const crossings: Array<{ x: number; dir: number }> = [];
    for (let py = yStart; py < yEnd; py++) {
      coverage.fill(0);
      for (let s = 0; s < SUBSAMPLES; s++) {
        const sy = py + (s + 0.5) / SUBSAMPLES;
        crossings.length = 0;
        for (const e of edges) {
          const lo = Math.min(e.y0, e.y1);
          const hi = Math.max(e.y0, e.y1);
          if (sy < lo || sy >= hi) continue;
          crossings.push({ x: e.x0 + ((sy - e.y0) / (e.y1 - e.y0)) * (e.x1 - e.x0), dir: e.y1 > e.y0 ? 1 : -1 });
        }
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        let spanStart = 0;
        for (const c of crossings) {
          const before = winding;
          winding += c.dir;
          if (before === 0 && winding !== 0) spanStart = c.x;
          else if (before !== 0 && winding === 0) addSpan(coverage, spanStart - xStart, c.x - xStart, 1 / SUBSAMPLES);
        }
      }
      for (let i = 0; i < coverage.length; i++) {
        const a = Math.min(1, coverage[i] as number);
        if (a <= 0) continue;
        const p = (py * this.width + xStart + i) * 3;
        this.rgb[p] = Math.round((this.rgb[p] as number) * (1 - a) + r * a);
        this.rgb[p + 1] = Math.round((this.rgb[p + 1] as number) * (1 - a) + g * a);
        this.rgb[p + 2] = Math.round((this.rgb[p + 2] as number) * (1 - a) + b * a);
      }
    }
  }
}

const SUBSAMPLES = 4;

function addSpan(coverage: Float32Array, xa: number, xb: number, weight: number): void {
  const a = Math.max(0, xa);
  const b = Math.min(coverage.length, xb);
  if (b <= a) return;
  const first = Math.floor(a);
  const last = Math.min(coverage.length - 1, Math.floor(b));
  for (let i = first; i <= last; i++) {
    const covered = Math.min(b, i + 1) - Math.max(a, i);
    if (covered > 0) coverage[i] = (coverage[i] as number) + covered * weight;
  }
}

interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Outlines to straight edges; curves are cut into segments about a pixel and a half long. */
function flatten(commands: PathCommand[]): Edge[] {
  const edges: Edge[] = [];
  let sx = 0;
  let sy = 0;
  let cx = 0;
  let cy = 0;
  const line = (x: number, y: number) => {
    if (y !== cy) edges.push({ x0: cx, y0: cy, x1: x, y1: y });
    cx = x;
    cy = y;
  };
  const steps = (len: number) => Math.max(2, Math.min(48, Math.ceil(len / 1.5)));
  for (const c of commands) {
    if (c.op === "M") {
      if (cx !== sx || cy !== sy) line(sx, sy);
      sx = cx = c.x;
      sy = cy = c.y;
    } else if (c.op === "L") line(c.x, c.y);
    else if (c.op === "Q") {
      const [x0, y0] = [cx, cy];
      const k = steps(Math.hypot(c.cx - x0, c.cy - y0) + Math.hypot(c.x - c.cx, c.y - c.cy));
      for (let i = 1; i <= k; i++) {
        const t = i / k;
        const u = 1 - t;
        line(u * u * x0 + 2 * u * t * c.cx + t * t * c.x, u * u * y0 + 2 * u * t * c.cy + t * t * c.y);
      }
    } else if (c.op === "C") {
      const [x0, y0] = [cx, cy];
      const k = steps(Math.hypot(c.c1x - x0, c.c1y - y0) + Math.hypot(c.c2x - c.c1x, c.c2y - c.c1y) + Math.hypot(c.x - c.c2x, c.y - c.c2y));
      for (let i = 1; i <= k; i++) {
        const t = i / k;
        const u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * c.c1x + 3 * u * t * t * c.c2x + t * t * t * c.x,
          u * u * u * y0 + 3 * u * u * t * c.c1y + 3 * u * t * t * c.c2y + t * t * t * c.y,
        );
      }
    } else {
      line(sx, sy);
    }
  }
  if (cx !== sx || cy !== sy) line(sx, sy);
  return edges;
}

function parseColor(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

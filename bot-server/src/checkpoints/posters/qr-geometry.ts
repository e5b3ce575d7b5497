import type { PosterItem } from "./layout";

/** A QR item's modules as horizontal runs of dark modules, inside a 4-module quiet zone. */
export function qrRuns(item: Extract<PosterItem, { kind: "qr" }>): { module: number; x0: number; y0: number; runs: Array<{ row: number; col: number; len: number }> } {
  const n = item.modules.length;
  const module = item.size / (n + 8);
  const runs: Array<{ row: number; col: number; len: number }> = [];
  item.modules.forEach((row, r) => {
    let c = 0;
    while (c < n) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && row[c]) c++;
      runs.push({ row: r, col: start, len: c - start });
    }
  });
  return { module, x0: item.x + 4 * module, y0: item.y + 4 * module, runs };
}

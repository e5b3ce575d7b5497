import { runOutline, type PathCommand } from "./fonts";
import type { PosterLayout } from "./layout";
import { encodePng } from "./png-encode";
import { qrRuns } from "./qr-geometry";
import { Canvas } from "./raster";

export const POSTER_PNG_DPI = 150;

/**
 * The poster as a 150 dpi PNG (A4: 1240x1754), drawn from the same layout as the PDF with our
 * own rasteriser. QR modules are whole pixels, so the code stays sharp for phones and printers.
 */
export function renderPosterPng(layout: PosterLayout): Buffer {
  const scale = POSTER_PNG_DPI / 72;
  const canvas = new Canvas(Math.round(layout.width * scale), Math.round(layout.height * scale));
  for (const item of layout.items) {
    if (item.kind === "rect") canvas.fillRect(item.x * scale, item.y * scale, (item.x + item.w) * scale, (item.y + item.h) * scale, item.color);
    else if (item.kind === "qr") {
      const { runs } = qrRuns(item);
      const n = item.modules.length;
      const module = Math.floor((item.size * scale) / (n + 8));
      const side = module * (n + 8);
      const left = Math.round((item.x + item.size / 2) * scale - side / 2);
      const top = Math.round((item.y + item.size / 2) * scale - side / 2);
      canvas.fillRect(left, top, left + side, top + side, "#ffffff");
      for (const r of runs) {
        const x = left + (r.col + 4) * module;
        const y = top + (r.row + 4) * module;
        canvas.fillRect(x, y, x + r.len * module, y + module, "#000000");
      }
    } else {
      const commands: PathCommand[] = item.line.runs.flatMap((r) => runOutline(r, item.line.size * scale, (item.x + r.x) * scale, item.y * scale));
      canvas.fillPath(commands, item.color);
    }
  }
  return encodePng(canvas.width, canvas.height, canvas.rgb, POSTER_PNG_DPI);
}

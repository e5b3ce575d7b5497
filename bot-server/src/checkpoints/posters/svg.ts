import { runOutline, type PathCommand } from "./fonts";
import type { PosterLayout } from "./layout";
import { qrRuns } from "./qr-geometry";

const n = (v: number) => String(Math.round(v * 100) / 100);
const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function pathData(commands: PathCommand[]): string {
  return commands
    .map((c) => {
      switch (c.op) {
        case "M":
        case "L":
          return `${c.op}${n(c.x)} ${n(c.y)}`;
        case "Q":
          return `Q${n(c.cx)} ${n(c.cy)} ${n(c.x)} ${n(c.y)}`;
        case "C":
          return `C${n(c.c1x)} ${n(c.c1y)} ${n(c.c2x)} ${n(c.c2y)} ${n(c.x)} ${n(c.y)}`;
        default:
          return "Z";
      }
    })
    .join("");
}

/**
 * The poster as SVG. Text is drawn as glyph outlines, so it looks the same in any viewer or
 * print shop whether or not it has a Vietnamese font; each line keeps its words in an
 * `aria-label` for screen readers and search.
 */
export function renderPosterSvg(layout: PosterLayout): string {
  const mm = layout.size === "A4" ? { w: 210, h: 297 } : { w: 297, h: 420 };
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${mm.w}mm" height="${mm.h}mm" viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" role="img" aria-label="${escapeXml(layout.title)}">`,
    `<title>${escapeXml(layout.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const item of layout.items) {
    if (item.kind === "rect") out.push(`<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.w)}" height="${n(item.h)}" fill="${item.color}"/>`);
    else if (item.kind === "qr") {
      const { module, x0, y0, runs } = qrRuns(item);
      const d = runs.map((r) => `M${n(x0 + r.col * module)} ${n(y0 + r.row * module)}h${n(r.len * module)}v${n(module)}h${n(-r.len * module)}z`).join("");
      out.push(`<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.size)}" height="${n(item.size)}" fill="#ffffff"/>`);
      out.push(`<path d="${d}" fill="#000000" shape-rendering="crispEdges"/>`);
    } else {
      const text = item.line.runs.map((r) => r.text).join("");
      const d = item.line.runs.map((r) => pathData(runOutline(r, item.line.size, item.x + r.x, item.y))).join("");
      out.push(`<path role="img" aria-label="${escapeXml(text)}" d="${d}" fill="${item.color}"/>`);
    }
  }
  out.push(`</svg>`, "");
  return out.join("\n");
}

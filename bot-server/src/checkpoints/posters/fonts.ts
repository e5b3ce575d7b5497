import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Be Vietnam Pro, from the @fontsource package, for the posters' three renderers. Fontsource
 * ships the font in subsets: `latin` (basic letters, á à â ã é ...), `vietnamese` (ă đ ơ ư and
 * the precomposed ạ ầ ẽ ...) and `latin-ext`; no file holds all of a Vietnamese name. Text is
 * therefore cut into runs, each set in the first subset that has every glyph of the run.
 *
 * Glyph outlines and advances come from fontkit, the engine pdfkit embeds fonts with; we load
 * the copy pdfkit itself resolves, so the PDF, the SVG and the PNG use identical metrics and no
 * second font library is installed.
 */

export type Weight = 400 | 700;

interface FontkitPath {
  commands: Array<{ command: string; args: number[] }>;
}
interface FontkitGlyphRun {
  glyphs: Array<{ path: FontkitPath }>;
  positions: Array<{ xAdvance: number; xOffset: number; yOffset: number }>;
  advanceWidth: number;
}
export interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): FontkitGlyphRun;
}

export interface FontFace {
  /** Name the PDF renderer registers the face under, e.g. `vietnamese-700`. */
  key: string;
  file: string;
  font: FontkitFont;
}

const SUBSETS = ["latin", "vietnamese", "latin-ext"] as const;

const requireHere = createRequire(import.meta.url);

/** Resolved through the package's exports, so it works from src (tsx) and from the bundle alike. */
export function fontFile(subset: (typeof SUBSETS)[number], weight: Weight): string {
  return requireHere.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff`);
}

let fontkit: { create(buffer: Buffer): unknown } | undefined;
function loadFontkit() {
  fontkit ??= createRequire(requireHere.resolve("pdfkit"))("fontkit") as { create(buffer: Buffer): unknown };
  return fontkit;
}

const stacks = new Map<Weight, FontFace[]>();

/** The subsets of one weight, in the order a character looks for its glyph. */
export function fontStack(weight: Weight): FontFace[] {
  let stack = stacks.get(weight);
  if (!stack) {
    stack = SUBSETS.map((subset) => {
      const file = fontFile(subset, weight);
      return { key: `${subset}-${weight}`, file, font: loadFontkit().create(readFileSync(file)) as FontkitFont };
    });
    stacks.set(weight, stack);
  }
  return stack;
}

/** A piece of text set in one face. Widths and positions are in points at `size`. */
export interface TextRun {
  face: FontFace;
  text: string;
  /** Offset from the start of the line. */
  x: number;
  width: number;
}

export interface ShapedLine {
  runs: TextRun[];
  width: number;
  size: number;
  weight: Weight;
}

/** Cuts `text` (NFC) into runs by the face that has its glyphs; a character no face has is dropped. */
export function shapeLine(text: string, weight: Weight, size: number): ShapedLine {
  const stack = fontStack(weight);
  const pieces: Array<{ face: FontFace; text: string }> = [];
  for (const ch of text.normalize("NFC")) {
    const cp = ch.codePointAt(0) as number;
    const last = pieces[pieces.length - 1];
    // Stay in the current face when it has the glyph (spaces, digits): fewer, longer runs.
    if (last && last.face.font.hasGlyphForCodePoint(cp)) {
      last.text += ch;
      continue;
    }
    const face = stack.find((f) => f.font.hasGlyphForCodePoint(cp));
    if (!face) continue;
    pieces.push({ face, text: ch });
  }
  let x = 0;
  const runs = pieces.map((p) => {
    const width = (p.face.font.layout(p.text).advanceWidth / p.face.font.unitsPerEm) * size;
    const run = { ...p, x, width };
    x += width;
    return run;
  });
  return { runs, width: x, size, weight };
}

/** Greedy word wrap into at most `maxLines`, shrinking the size (not below `minSize`) until it fits. */
export function wrapText(text: string, weight: Weight, size: number, maxWidth: number, opts: { maxLines: number; minSize: number }): ShapedLine[] {
  const words = text.normalize("NFC").trim().split(/\s+/);
  for (let s = size; ; s = Math.max(opts.minSize, s - 1)) {
    const lines: string[] = [];
    let current = "";
    let fits = true;
    for (const word of words) {
      const candidate = current ? `${current} ${word}` : word;
      if (shapeLine(candidate, weight, s).width <= maxWidth) current = candidate;
      else {
        if (current) lines.push(current);
        current = word;
        if (shapeLine(word, weight, s).width > maxWidth) fits = false;
      }
    }
    if (current) lines.push(current);
    if ((fits && lines.length <= opts.maxLines) || s === opts.minSize) return lines.map((l) => shapeLine(l, weight, s));
  }
}

/** A path command in poster coordinates (points, y down). */
export type PathCommand = { op: "M" | "L"; x: number; y: number } | { op: "Q"; cx: number; cy: number; x: number; y: number } | { op: "C"; c1x: number; c1y: number; c2x: number; c2y: number; x: number; y: number } | { op: "Z" };

/** The outlines of a run's glyphs, placed with the run's left end at `x` on the baseline `y`. */
export function runOutline(run: TextRun, size: number, x: number, y: number): PathCommand[] {
  const { font } = run.face;
  const scale = size / font.unitsPerEm;
  const laid = font.layout(run.text);
  const out: PathCommand[] = [];
  let pen = 0;
  laid.glyphs.forEach((glyph, i) => {
    const pos = laid.positions[i] as { xAdvance: number; xOffset: number; yOffset: number };
    const ox = x + (pen + pos.xOffset) * scale;
    const oy = y - pos.yOffset * scale;
    const X = (gx: number) => ox + gx * scale;
    const Y = (gy: number) => oy - gy * scale;
    for (const { command, args } of glyph.path.commands) {
      const a = args as number[];
      if (command === "moveTo") out.push({ op: "M", x: X(a[0] as number), y: Y(a[1] as number) });
      else if (command === "lineTo") out.push({ op: "L", x: X(a[0] as number), y: Y(a[1] as number) });
      else if (command === "quadraticCurveTo") out.push({ op: "Q", cx: X(a[0] as number), cy: Y(a[1] as number), x: X(a[2] as number), y: Y(a[3] as number) });
      else if (command === "bezierCurveTo")
        out.push({ op: "C", c1x: X(a[0] as number), c1y: Y(a[1] as number), c2x: X(a[2] as number), c2y: Y(a[3] as number), x: X(a[4] as number), y: Y(a[5] as number) });
      else if (command === "closePath") out.push({ op: "Z" });
    }
    pen += pos.xAdvance;
  });
  return out;
}

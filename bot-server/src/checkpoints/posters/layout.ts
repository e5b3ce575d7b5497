import QRCode from "qrcode";
import type { PosterSize } from "@khaibao/shared";
import { shapeLine, wrapText, type ShapedLine, type Weight } from "./fonts";

/**
 * One poster, laid out once in points and drawn by three renderers (PDF, SVG, PNG), so the
 * three files show the same thing. Designed on A4; A3 is the same drawing scaled by √2.
 */

export interface PosterContent {
  checkpointId: string;
  name: string;
  /** "Phường Yên Sở, Hà Nội"; empty when the ward is not known. */
  place: string;
  /** What the QR holds: the Zalo deep link. */
  deepLink: string;
  /** Printed under the QR for people who cannot scan it with Zalo. */
  fallbackUrl: string;
}

export type PosterItem =
  | { kind: "rect"; x: number; y: number; w: number; h: number; color: string }
  | { kind: "text"; line: ShapedLine; x: number; y: number; color: string }
  | { kind: "qr"; x: number; y: number; size: number; modules: boolean[][] };

export interface PosterLayout {
  size: PosterSize;
  width: number;
  height: number;
  title: string;
  items: PosterItem[];
}

const A4 = { width: 595.28, height: 841.89 };
const SCALE: Record<PosterSize, number> = { A4: 1, A3: Math.SQRT2 };
const BLUE = "#0b57d0";
const INK = "#1f1f1f";
const MUTED = "#5f6368";
const WHITE = "#ffffff";

export const POSTER_TEXT = {
  heading: "KHAI BÁO DI CHUYỂN",
  headingEn: "Movement declaration",
  checkpointLabel: "Chốt kiểm soát · Checkpoint",
  codeLabel: "Mã chốt / Code:",
  scanVi: "Quét mã bằng Zalo để khai báo",
  scanEn: "Scan with Zalo to declare",
  fallbackLabel: "Không quét được? Mở địa chỉ · Can't scan? Open:",
  footer: "Miễn phí · Free of charge · Không cần in giấy · No paper needed",
} as const;

/** The QR's modules (dark = true), level Q: a poster gets dirty, folded and photographed at an angle. */
export function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: "Q" });
  const n = qr.modules.size;
  const rows: boolean[][] = [];
  for (let y = 0; y < n; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < n; x++) row.push(qr.modules.get(x, y) === 1);
    rows.push(row);
  }
  return rows;
}

export function posterLayout(content: PosterContent, size: PosterSize): PosterLayout {
  const k = SCALE[size];
  const width = A4.width * k;
  const height = A4.height * k;
  const margin = 40 * k;
  const inner = width - 2 * margin;
  const items: PosterItem[] = [];
  const center = (line: ShapedLine, y: number, color: string) => items.push({ kind: "text", line, x: (width - line.width) / 2, y, color });
  const one = (text: string, weight: Weight, pt: number, minPt = pt * 0.6) => wrapText(text, weight, pt * k, inner, { maxLines: 1, minSize: minPt * k })[0] as ShapedLine;

  items.push({ kind: "rect", x: 0, y: 0, w: width, h: 118 * k, color: BLUE });
  center(one(POSTER_TEXT.heading, 700, 32), 62 * k, WHITE);
  center(one(POSTER_TEXT.headingEn, 400, 17), 94 * k, WHITE);

  center(one(POSTER_TEXT.checkpointLabel, 400, 14), 160 * k, MUTED);
  let y = 200 * k;
  const nameLines = wrapText(content.name, 700, 34 * k, inner, { maxLines: 2, minSize: 20 * k });
  for (const line of nameLines) {
    center(line, y, INK);
    y += line.size * 1.18;
  }
  const detail = [content.place, `${POSTER_TEXT.codeLabel} ${content.checkpointId}`].filter(Boolean).join(" · ");
  center(one(detail, 400, 14), y + 2 * k, MUTED);

  // The QR takes what is left between the name and the instructions, within the margins.
  const qrTop = y + 22 * k;
  const qrBottom = 622 * k;
  const qrSize = Math.min(inner, qrBottom - qrTop);
  items.push({ kind: "qr", x: (width - qrSize) / 2, y: qrTop, size: qrSize, modules: qrModules(content.deepLink) });

  center(one(POSTER_TEXT.scanVi, 700, 26), 662 * k, BLUE);
  center(one(POSTER_TEXT.scanEn, 400, 19), 690 * k, INK);
  center(one(POSTER_TEXT.fallbackLabel, 400, 12), 732 * k, MUTED);
  center(one(content.fallbackUrl, 700, 14, 8), 752 * k, INK);

  items.push({ kind: "rect", x: 0, y: height - 44 * k, w: width, h: 44 * k, color: BLUE });
  center(shapeLine(POSTER_TEXT.footer, 400, 11 * k), height - 18 * k, WHITE);

  return { size, width, height, title: `${content.name} (${content.checkpointId})`, items };
}

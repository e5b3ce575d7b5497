import QRCode from "qrcode";
import { QUIET_ZONE } from "../../../components/qr-code";

/** Pixels per module: a 90-module certificate code becomes a ~800 px image, sharp when printed or zoomed. */
const SCALE = 8;
const CAPTION_LINE = 44;

/**
 * The certificate's QR as a PNG data URL for the photo gallery: black modules on white with the
 * quiet zone, and whose it is written underneath (a family's four codes look alike in a gallery).
 */
export function certificateQrPng(hc1: string, caption: readonly string[], doc: Document = document): string {
  const qr = QRCode.create(hc1, { errorCorrectionLevel: "Q" });
  const { size, data } = qr.modules;
  const side = (size + 2 * QUIET_ZONE) * SCALE;
  const canvas = doc.createElement("canvas");
  canvas.width = side;
  canvas.height = side + caption.length * CAPTION_LINE + (caption.length > 0 ? SCALE * 2 : 0);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("canvas 2d context unavailable");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = "#000000";
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (data[row * size + col] === 1) ctx.fillRect((col + QUIET_ZONE) * SCALE, (row + QUIET_ZONE) * SCALE, SCALE, SCALE);
    }
  }
  ctx.font = "600 32px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  caption.forEach((line, i) => ctx.fillText(line, side / 2, side + i * CAPTION_LINE, side - 2 * SCALE * QUIET_ZONE));
  return canvas.toDataURL("image/png");
}

/** `chung-nhan-nguyen-van-an.png`: ASCII only, for any gallery or file system. */
export function imageFileName(name: string): string {
  const slug = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `chung-nhan-${slug || "tiem-chung"}.png`;
}

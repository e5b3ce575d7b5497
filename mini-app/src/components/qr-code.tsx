import { useMemo } from "react";
import QRCode from "qrcode";
import "./qr-code.css";

/** Modules of quiet zone around the code: the QR standard's 4, so any scanner finds the edges. */
export const QUIET_ZONE = 4;

export type QrLevel = "L" | "M" | "Q" | "H";

/**
 * The QR code as an SVG path: one unit per module, black on white, no smoothing
 * (`crispEdges`), so it stays sharp at any size and scans from a cheap phone's screen at arm's
 * length. Only the screens that draw a QR import this (they are lazy chunks), so the encoder
 * never weighs on the first screen.
 */
export function qrPath(text: string, level: QrLevel = "M"): { size: number; path: string } {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const { size, data } = qr.modules;
  let path = "";
  for (let row = 0; row < size; row++) {
    let run = 0;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && data[row * size + col] === 1;
      if (dark) run++;
      else if (run > 0) {
        path += `M${col - run + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
        run = 0;
      }
    }
  }
  return { size: size + 2 * QUIET_ZONE, path };
}

interface QrCodeProps {
  text: string;
  label: string;
  /** Error correction: M for our short receipts; Q for EU DCC certificates, as their spec recommends. */
  level?: QrLevel;
  testId?: string;
  className?: string;
}

export function QrCode({ text, label, level = "M", testId = "receipt-qr", className = "kb-qr" }: QrCodeProps) {
  const { size, path } = useMemo(() => qrPath(text, level), [text, level]);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges" data-testid={testId}>
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}

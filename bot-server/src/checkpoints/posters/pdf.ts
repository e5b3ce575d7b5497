import PDFDocument from "pdfkit";
import { fontStack } from "./fonts";
import type { PosterLayout } from "./layout";
import { qrRuns } from "./qr-geometry";

/** The poster as a PDF with the font embedded (subset), real text (searchable, copyable) and a vector QR. */
export function renderPosterPdf(layout: PosterLayout, info: { created: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [layout.width, layout.height],
    margin: 0,
    info: { Title: layout.title, Author: "Khaibao", Subject: "Áp phích chốt kiểm soát / Checkpoint poster", CreationDate: info.created },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  for (const weight of [400, 700] as const) for (const face of fontStack(weight)) doc.registerFont(face.key, face.file);

  for (const item of layout.items) {
    if (item.kind === "rect") doc.rect(item.x, item.y, item.w, item.h).fill(item.color);
    else if (item.kind === "qr") {
      const { module, x0, y0, runs } = qrRuns(item);
      doc.rect(item.x, item.y, item.size, item.size).fill("#ffffff");
      for (const r of runs) doc.rect(x0 + r.col * module, y0 + r.row * module, r.len * module, module);
      doc.fill("#000000");
    } else {
      for (const run of item.line.runs) {
        doc.font(run.face.key).fontSize(item.line.size).fillColor(item.color);
        doc.text(run.text, item.x + run.x, item.y, { lineBreak: false, baseline: "alphabetic" });
      }
    }
  }
  doc.end();
  return done;
}

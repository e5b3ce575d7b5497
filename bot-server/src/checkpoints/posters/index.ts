import type { PosterFormat, PosterSize } from "@khaibao/shared";
import { posterLayout, type PosterContent } from "./layout";
import { renderPosterPdf } from "./pdf";
import { renderPosterPng } from "./png";
import { renderPosterSvg } from "./svg";

export { posterLayout, qrModules, POSTER_TEXT, type PosterContent } from "./layout";
export { POSTER_PNG_DPI } from "./png";

export const POSTER_CONTENT_TYPES: Record<PosterFormat, string> = {
  pdf: "application/pdf",
  png: "image/png",
  svg: "image/svg+xml; charset=utf-8",
};

/** One checkpoint poster in one format and paper size. */
export async function renderPoster(content: PosterContent, format: PosterFormat, size: PosterSize, now: Date): Promise<Buffer> {
  const layout = posterLayout(content, size);
  if (format === "pdf") return renderPosterPdf(layout, { created: now });
  if (format === "png") return renderPosterPng(layout);
  return Buffer.from(renderPosterSvg(layout), "utf8");
}

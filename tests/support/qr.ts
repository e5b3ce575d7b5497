import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Locator } from "playwright-core";

/**
 * Reads a QR code off the screen as a camera would see it: a PNG of the element (saved at
 * `file`, to look at), decoded with jsQR. Throws when it cannot be read.
 */
export async function readQrFromScreen(element: Locator, file: string): Promise<string> {
  const png = await element.screenshot({ path: file });
  const image = PNG.sync.read(png);
  const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!decoded) throw new Error("the QR code on screen could not be read");
  return decoded.data;
}

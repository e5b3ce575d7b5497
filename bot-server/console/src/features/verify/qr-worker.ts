// Decodes QR codes from camera frames off the main thread (jsQR takes 50-150 ms a frame on a
// phone; the page stays responsive). One frame in, `{ text }` or `{ text: null }` out.
import jsQR from "jsqr";

export interface FrameMessage {
  width: number;
  height: number;
  pixels: ArrayBuffer;
}

export interface DecodedMessage {
  text: string | null;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<FrameMessage>) => void) | null;
  postMessage(message: DecodedMessage): void;
};

scope.onmessage = (e) => {
  const { width, height, pixels } = e.data;
  // Receipts are dark on light: skipping the inverted pass halves the work per frame.
  const found = jsQR(new Uint8ClampedArray(pixels), width, height, { inversionAttempts: "dontInvert" });
  scope.postMessage({ text: found && found.data.length > 0 ? found.data : null });
};

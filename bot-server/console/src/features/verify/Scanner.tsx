import { useCallback, useEffect, useRef, useState } from "react";
import { Button, Notice } from "../../components/ui";
import { useI18n, type MessageKey } from "../../lib/i18n";
import type { DecodedMessage, FrameMessage } from "./qr-worker";

type CameraState =
  | { step: "idle" }
  | { step: "explaining" }
  | { step: "starting" }
  | { step: "scanning" }
  | { step: "failed"; message: MessageKey };

/** Largest side of the square sent to the decoder: enough pixels per module for a version 10 QR. */
const MAX_SIDE = 800;
const FRAME_INTERVAL_MS = 100;

function failureMessage(error: unknown): MessageKey {
  switch ((error as { name?: string }).name) {
    case "NotAllowedError":
    case "SecurityError":
      return "verify.camera_denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "verify.camera_missing";
    case "NotReadableError":
    case "AbortError":
      return "verify.camera_busy";
    default:
      return "verify.camera_failed";
  }
}

async function cameraAlreadyAllowed(): Promise<boolean> {
  try {
    const status = await navigator.permissions.query({ name: "camera" as PermissionName });
    return status.state === "granted";
  } catch {
    return false;
  }
}

/**
 * Reads a receipt QR code with the device's rear camera. Before the browser's own prompt the
 * officer sees why the camera is needed (unless it is already allowed). Frames go to a worker
 * running jsQR; the first code read stops the camera and is handed to `onRead`.
 */
export function Scanner({ onRead }: { onRead: (text: string) => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<CameraState>({ step: "idle" });
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const stopRef = useRef<() => void>(() => {});
  // The latest callback, without restarting the camera when the parent re-renders.
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  }, [onRead]);

  const stop = useCallback(() => {
    stopRef.current();
    stopRef.current = () => {};
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const start = useCallback(async () => {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
      setState({ step: "failed", message: "verify.camera_insecure" });
      return;
    }
    setState({ step: "starting" });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (error) {
      setState({ step: "failed", message: failureMessage(error) });
      return;
    }
    streamRef.current = stream;
    setState({ step: "scanning" });
  }, []);

  // Once the <video> is on screen: attach the stream and feed frames to the decoder.
  useEffect(() => {
    if (state.step !== "scanning") return;
    const video = videoRef.current;
    const stream = streamRef.current;
    if (!video || !stream) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    const worker = new Worker(new URL("./qr-worker.ts", import.meta.url), { type: "module" });
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    let busy = false;
    let timer = 0;
    let done = false;
    worker.onmessage = (e: MessageEvent<DecodedMessage>) => {
      busy = false;
      if (done || !e.data.text) return;
      done = true;
      navigator.vibrate?.(80);
      const text = e.data.text;
      stop();
      setState({ step: "idle" });
      onReadRef.current(text);
    };
    const grab = () => {
      timer = window.setTimeout(grab, FRAME_INTERVAL_MS);
      if (busy || done || !context || video.readyState < 2 || video.videoWidth === 0) return;
      // The centre square, where the guide frame is drawn.
      const side = Math.min(video.videoWidth, video.videoHeight);
      const size = Math.min(side, MAX_SIDE);
      canvas.width = size;
      canvas.height = size;
      context.drawImage(video, (video.videoWidth - side) / 2, (video.videoHeight - side) / 2, side, side, 0, 0, size, size);
      const frame = context.getImageData(0, 0, size, size);
      busy = true;
      const message: FrameMessage = { width: size, height: size, pixels: frame.data.buffer };
      worker.postMessage(message, [frame.data.buffer]);
    };
    grab();
    stopRef.current = () => {
      done = true;
      window.clearTimeout(timer);
      worker.terminate();
      video.srcObject = null;
    };
    return () => stopRef.current();
  }, [state.step, stop]);

  const begin = async () => {
    if (await cameraAlreadyAllowed()) void start();
    else setState({ step: "explaining" });
  };

  return (
    <div className="scanner">
      {state.step === "scanning" || state.step === "starting" ? (
        <div className="scanner-view">
          <video ref={videoRef} muted playsInline aria-label={t("verify.camera_aim")} />
          <div className="scanner-guide" aria-hidden="true" />
          <p className="scanner-caption">{state.step === "starting" ? t("verify.camera_starting") : t("verify.camera_aim")}</p>
          <Button
            variant="secondary"
            className="scanner-stop"
            onClick={() => {
              stop();
              setState({ step: "idle" });
            }}
          >
            {t("verify.scan_stop")}
          </Button>
        </div>
      ) : state.step === "explaining" ? (
        <div className="camera-reason" role="dialog" aria-labelledby="camera-reason-title">
          <h2 id="camera-reason-title">{t("verify.camera_reason_title")}</h2>
          <p>{t("verify.camera_reason")}</p>
          <div className="actions">
            <Button onClick={() => void start()}>{t("verify.camera_allow")}</Button>
            <Button variant="secondary" onClick={() => setState({ step: "idle" })}>
              {t("verify.camera_cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <Button className="btn-block btn-large scan-button" onClick={() => void begin()}>
            <svg className="scan-icon" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M3 8V3h5M16 3h5v5M21 16v5h-5M8 21H3v-5" />
              <path d="M7 7h4v4H7zM13 13h4v4h-4zM13 7h4M7 13v4" />
            </svg>
            {t("verify.scan")}
          </Button>
          {state.step === "failed" ? <Notice kind="warning">{t(state.message)}</Notice> : null}
        </>
      )}
    </div>
  );
}

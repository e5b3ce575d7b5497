import { errorBodySchema, type ExportFormat, type ExportKind } from "@khaibao/shared";
import { ApiError } from "../../lib/api";

/**
 * The export as a file: fetched (so a refusal shows as a message on the page, not as a JSON
 * page), then handed to the browser's download with the name the server gave it.
 */
export async function downloadExport(date: string, format: ExportFormat, kind: ExportKind): Promise<string> {
  const query = new URLSearchParams({ date, format, kind });
  let res: Response;
  try {
    res = await fetch(`/api/staff/exports/declarations?${query.toString()}`, { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ApiError(0, "network", undefined);
  }
  if (!res.ok) {
    const body = errorBodySchema.safeParse(await res.json().catch(() => null));
    throw body.success ? new ApiError(res.status, body.data.error.code, body.data.error.messages, body.data.error.fields ?? []) : new ApiError(res.status, `http.${res.status}`, undefined);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `khaibao-${date}.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

import { describe, expect, it } from "vitest";
import { identifierMessages } from "./messages";
import type { IdErrorCode, IdWarningCode } from "./id-types";
import type { PhoneErrorCode } from "./phone";
import type { PlateResult } from "./plate";

// Compile-time check (tsc -p shared): every code a validator can return has a message.
type ReturnedCode = IdErrorCode | IdWarningCode | PhoneErrorCode | Extract<PlateResult, { ok: false }>["code"];
type MissingMessage = Exclude<ReturnedCode, keyof typeof identifierMessages>;
const _everyCodeHasAMessage: [MissingMessage] extends [never] ? true : MissingMessage = true;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

describe("identifierMessages", () => {
  it.each(Object.entries(identifierMessages))(
    "when %s is shown, then both languages exist and use the same placeholders",
    (_code, message) => {
      expect(message.vi.trim()).not.toBe("");
      expect(message.en.trim()).not.toBe("");
      expect(message.vi).toBe(message.vi.normalize("NFC"));
      expect(placeholders(message.vi)).toEqual(placeholders(message.en));
    },
  );
});

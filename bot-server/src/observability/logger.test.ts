import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "./logger";

describe("logger", () => {
  it("when personal fields are logged by mistake, then they are redacted at any depth", () => {
    const lines: string[] = [];
    const destination = new Writable({ write(c: Buffer, _e, cb) { lines.push(c.toString()); cb(); } });
    const logger = createLogger({ level: "info", destination });
    logger.info({ idNumber: "001090123456", user: { phone: "+84912345678", fullName: "Nguyễn Văn A" }, deep: { a: { idNumber: "001090123456" } } }, "oops");
    const out = lines.join("");
    expect(out).not.toContain("001090123456");
    expect(out).not.toContain("+84912345678");
    expect(out).not.toContain("Nguyễn");
    expect(out).toContain("[redacted]");
  });
});

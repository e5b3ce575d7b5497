import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { envSchema } from "../../bot-server/src/config";

// The README's configuration table is what operators read: it must name every variable the
// server reads, so adding a setting without documenting it fails here.
describe("README", () => {
  const readme = readFileSync("README.md", "utf8");
  it("documents every environment variable", () => {
    const missing = Object.keys(envSchema.shape).filter((name) => !readme.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});

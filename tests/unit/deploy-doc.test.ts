import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { envSchema, REQUIRED_IN_PRODUCTION } from "../../bot-server/src/config";

// docs/DEPLOY.md is what an operator follows: it must name every variable the server reads and
// mark the ones production requires.
describe("docs/DEPLOY.md", () => {
  const doc = readFileSync("docs/DEPLOY.md", "utf8");
  it("names every environment variable", () => {
    const missing = Object.keys(envSchema.shape).filter((name) => !doc.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
  it("marks every variable production requires", () => {
    const unmarked = REQUIRED_IN_PRODUCTION.filter((name) => !doc.includes(`\`${name}\` (**prod**)`));
    expect(unmarked).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { findJsonProblem, MAX_JSON_DEPTH } from "./json-guard";

const bytes = (text: string) => Buffer.from(text, "utf8");
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

function hasForbiddenKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  return Object.entries(value).some(([k, v]) => FORBIDDEN.has(k) || hasForbiddenKey(v));
}

function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasNul);
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v));
}

describe("findJsonProblem", () => {
  it("when given any JSON document JSON.stringify writes (indented or not), then it finds nothing unless a prototype key or a NUL is in it", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, "\t"), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const problem = findJsonProblem(bytes(text));
        if (hasNul(value)) return problem === "nul_char" || (problem === "forbidden_key" && hasForbiddenKey(value));
        return hasForbiddenKey(value) ? problem === "forbidden_key" : problem === undefined;
      }),
      { numRuns: 2_000 },
    );
  });

  it("when strings hold brackets, quotes, colons and escapes, then only real keys and real nesting count", () => {
    expect(findJsonProblem(bytes('{"a":"{[[[\\"a\\":1","b":"\\\\","c":"__proto__","d":["a","a"]}'))).toBeUndefined();
    expect(findJsonProblem(bytes(`{"a":"${"[".repeat(100)}"}`))).toBeUndefined();
  });

  it("when a key is repeated in the same object, also spelled with escapes, then duplicate_key; in different objects it is fine", () => {
    expect(findJsonProblem(bytes('{"a":1,"a":2}'))).toBe("duplicate_key");
    expect(findJsonProblem(bytes('{"a":1 , "\\u0061" : 2}'))).toBe("duplicate_key");
    expect(findJsonProblem(bytes('{"x":{"a":1},"y":{"a":1},"a":[{"a":1},{"a":2}]}'))).toBeUndefined();
  });

  it("when nesting passes the limit, then too_deep, without recursion however deep", () => {
    expect(findJsonProblem(bytes("[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH)))).toBeUndefined();
    expect(findJsonProblem(bytes("[".repeat(MAX_JSON_DEPTH + 1)))).toBe("too_deep");
    expect(findJsonProblem(bytes('{"a":'.repeat(1_000_000)))).toBe("too_deep");
  });

  it("when bytes are not UTF-8 or a key reaches for a prototype, then it says which", () => {
    expect(findJsonProblem(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toBe("not_utf8");
    expect(findJsonProblem(bytes('{"\\u005f_proto__":{}}'))).toBe("forbidden_key");
    expect(findJsonProblem(bytes('{"a":{"constructor":{"prototype":{}}}}'))).toBe("forbidden_key");
    expect(findJsonProblem(bytes(JSON.stringify({ name: "a\u0000b" })))).toBe("nul_char");
    // A backslash, then the letters u0000: text, not a NUL.
    expect(findJsonProblem(bytes('{"a":"\\\\u0000"}'))).toBeUndefined();
  });
});

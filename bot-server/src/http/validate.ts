import type { z } from "zod";
import { parseWith } from "@khaibao/shared";
import { validationFailed } from "./errors";

/** Parses a request part with a shared schema; a failure becomes a 400 naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseWith(schema, input);
  if (!result.ok) throw validationFailed(result.issues);
  return result.data;
}

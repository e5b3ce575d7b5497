import { readFileSync } from "node:fs";
import { z } from "zod";
import { words } from "./match";
import builtIn from "./faq.vi.json" with { type: "json" };

/**
 * The bot's frequently asked questions, as data: `faq.vi.json` beside this file, or the file
 * named by `BOT_FAQ_FILE`. Editors change answers and keywords without touching code; the file
 * is validated at start and a broken one stops the server with the field that is wrong.
 */

/** Buttons an answer may end with. */
export const FAQ_BUTTONS = ["declare", "faq-list", "handoff", "menu", "wallet"] as const;
export type FaqButton = (typeof FAQ_BUTTONS)[number];

const keyword = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .refine((k) => words(k).length > 0, "must contain letters or digits");

export const faqEntrySchema = z.object({
  /** In button payloads (`#faq:<id>`): short, stable. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "must be 1-40 of a-z 0-9 -, starting with a letter or digit"),
  /** The button that opens this answer (Zalo cuts long titles). */
  title: z.string().trim().min(1).max(40),
  question: z.string().trim().min(1).max(200),
  answer: z.string().trim().min(1).max(1_500),
  /** Phrases a citizen might type, matched without accents and tolerating one typo per long word. */
  keywords: z.array(keyword).min(1).max(50),
  buttons: z.array(z.enum(FAQ_BUTTONS)).max(3).optional(),
});
export type FaqEntry = z.infer<typeof faqEntrySchema>;

export const faqFileSchema = z
  .object({
    version: z.literal(1),
    faqs: z.array(faqEntrySchema).min(1).max(50),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.faqs.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: "custom", path: ["faqs", i, "id"], message: `duplicate id "${f.id}"` });
      seen.add(f.id);
    });
  });
export type FaqFile = z.infer<typeof faqFileSchema>;

/** A FAQ file that cannot be used; the message names the file and the field. */
export class FaqFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FaqFileError";
  }
}

/** Validates parsed FAQ data; `source` names it in errors. */
export function parseFaq(data: unknown, source: string): FaqFile {
  const result = faqFileSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new FaqFileError(`FAQ file ${source} is invalid: ${problems}`);
}

/** The FAQ: the file at `path` (BOT_FAQ_FILE) when given, else the built-in one. Throws {@link FaqFileError}. */
export function loadFaq(path?: string): FaqFile {
  if (path === undefined) return parseFaq(builtIn, "bot/faq.vi.json (built in)");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FaqFileError(`BOT_FAQ_FILE ${path} cannot be read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FaqFileError(`BOT_FAQ_FILE ${path} is not JSON: ${(error as Error).message}`);
  }
  return parseFaq(data, `BOT_FAQ_FILE ${path}`);
}

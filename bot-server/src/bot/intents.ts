import { parseButtonPayload } from "@khaibao/shared";
import type { FaqFile } from "./faq";
import { bestPhraseScore, words } from "./match";

/** What a citizen's message asks for. */
export type Intent =
  | { kind: "menu" }
  | { kind: "declare" }
  | { kind: "vaccine" }
  | { kind: "faq_list" }
  | { kind: "faq"; id: string }
  | { kind: "handoff" }
  | { kind: "unknown" };

type BuiltIn = Exclude<Intent["kind"], "faq" | "unknown">;

/**
 * Phrases (written without accents: matching folds them anyway) for the fixed intents. Listed
 * in priority order: on a tie, the earlier one wins ("gặp nhân viên để khai báo" is a handoff).
 */
const BUILT_IN: ReadonlyArray<readonly [BuiltIn, readonly string[]]> = [
  [
    "handoff",
    [
      "gap nhan vien", "gap nguoi", "nhan vien ho tro", "noi chuyen voi nguoi", "noi chuyen voi nhan vien", "tu van vien", "nguoi that",
      "can nguoi ho tro", "ho tro vien", "tong dai vien", "gap can bo", "chuyen nhan vien", "lien he nhan vien",
    ],
  ],
  ["vaccine", ["chung nhan tiem", "chung nhan tiem chung", "chung nhan vaccine", "ho chieu vaccine", "ho chieu vac xin", "ma qr tiem", "tiem chung", "vi chung nhan"]],
  ["declare", ["khai bao", "to khai", "khai bao di chuyen", "khai bao y te", "khai di chuyen", "dang ky qua chot"]],
  ["faq_list", ["cau hoi", "hoi dap", "faq", "thac mac", "cau hoi thuong gap"]],
  ["menu", ["menu", "hi", "hello", "helo", "alo", "xin chao", "chao", "chao ban", "bat dau", "start", "tro giup", "help", "danh muc"]],
];

const BUILT_IN_WORDS = BUILT_IN.map(([kind, phrases]) => [kind, phrases.map(words)] as const);

/** A compiled matcher over the built-in intents and the FAQ's keywords. */
export interface IntentMatcher {
  match(text: string): Intent;
}

/**
 * Free text -> intent: every intent scores its best phrase (exact words 1, one-typo words 0.8);
 * the highest score wins, built-ins before FAQs on a tie. A FAQ phrase of three words beats
 * "khai báo" alone, so "khai báo không mở được" finds the FAQ about the page not opening.
 * Button payloads (`#faq:bluezone`) are decoded, never fuzzily matched.
 */
export function createIntentMatcher(faq: FaqFile): IntentMatcher {
  const faqWords = faq.faqs.map((f) => ({ id: f.id, phrases: f.keywords.map(words) }));
  const faqIds = new Set(faq.faqs.map((f) => f.id));
  return {
    match(text) {
      const payload = parseButtonPayload(text);
      if (payload) return fromPayload(payload.action, payload.arg, faqIds);
      const typed = words(text);
      if (typed.length === 0) return { kind: "unknown" };
      let best: Intent = { kind: "unknown" };
      let bestScore = 0;
      for (const [kind, phrases] of BUILT_IN_WORDS) {
        const s = bestPhraseScore(typed, phrases);
        if (s > bestScore) {
          best = { kind };
          bestScore = s;
        }
      }
      for (const f of faqWords) {
        const s = bestPhraseScore(typed, f.phrases);
        if (s > bestScore) {
          best = { kind: "faq", id: f.id };
          bestScore = s;
        }
      }
      return best;
    },
  };
}

/** A tapped button. An unknown or outdated payload shows the menu (it is not the citizen's failure). */
function fromPayload(action: string, arg: string | undefined, faqIds: ReadonlySet<string>): Intent {
  switch (action) {
    case "handoff":
      return { kind: "handoff" };
    case "faq":
      if (arg === undefined || arg === "list") return { kind: "faq_list" };
      return faqIds.has(arg) ? { kind: "faq", id: arg } : { kind: "faq_list" };
    case "menu":
      if (arg === "declare") return { kind: "declare" };
      if (arg === "vaccine") return { kind: "vaccine" };
      return { kind: "menu" };
    default:
      return { kind: "menu" };
  }
}

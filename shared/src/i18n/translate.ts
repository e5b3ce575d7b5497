import type { Catalogue, Lang, Message, MessageParams } from "./types";

function fill(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

/**
 * Looks a code up in the catalogue and fills its placeholders. An unknown code falls back to
 * the code itself, so a missing translation shows up visibly rather than as an empty string.
 */
export function translate(catalogue: Catalogue, code: string, lang: Lang, params?: MessageParams): string {
  const entry: Message | undefined = catalogue[code];
  if (!entry) return code;
  return fill(entry[lang], params);
}

export function translations(catalogue: Catalogue, code: string, params?: MessageParams): Message {
  return { vi: translate(catalogue, code, "vi", params), en: translate(catalogue, code, "en", params) };
}

/** Picks our language from an Accept-Language header or a device language tag ("en-US", "vi"). */
export function pickLang(tag: string | undefined | null): Lang {
  if (!tag) return "vi";
  const first = tag.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}

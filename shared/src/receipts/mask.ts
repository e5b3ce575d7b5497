/**
 * The holder's name as printed on a receipt: enough for an officer to match it against the ID
 * card in hand, too little for a bystander to learn the name. "Nguyễn Văn An" → `NGUYEN V** A*`.
 */

/** Letters NFD does not decompose into base letter + marks. */
const LETTER_FOLDS: Record<string, string> = { Đ: "D", Ø: "O", Ł: "L", Æ: "AE", Œ: "OE", Þ: "TH", Ð: "D", Ħ: "H", Ŧ: "T" };

/**
 * Upper case, diacritics dropped, then only A-Z and hyphens kept (runs of hyphens as one, none
 * at either end). One pass over the decomposed word: this runs for every declaration accepted,
 * and a chain of regular-expression replaces cost several times as much.
 */
function foldWord(word: string): string {
  let out = "";
  for (const c of word.normalize("NFD").toUpperCase()) {
    if (c >= "A" && c <= "Z") out += c;
    else if (c === "-") {
      if (out !== "" && !out.endsWith("-")) out += "-";
    } else {
      // Combining marks and anything else outside A-Z are dropped; a few letters fold.
      const folded = LETTER_FOLDS[c];
      if (folded) out += folded;
    }
  }
  return out.endsWith("-") ? out.slice(0, -1) : out;
}

/** A long foreign family name is cut; 16 letters are plenty to compare with a document. */
const MAX_FAMILY = 16;
/** Middle names shown; more are left out so the mask stays within `RECEIPT_LIMITS.holderName`. */
const MAX_MIDDLE = 5;

/**
 * Family name (the first word) in full, each middle name as its initial + `**`, the given name
 * (the last word) as its initial + `*`; a single word is its initial + `*`. Upper case without
 * diacritics (đ → D), so it is ASCII. Words with no Latin letter are skipped; a name with none at
 * all (typed in another script) gives `?`. At most 39 characters.
 */
export function maskHolderName(fullName: string): string {
  const words = fullName
    .trim()
    .split(/\s+/)
    .map(foldWord)
    .filter((w) => /[A-Z]/.test(w));
  const first = words[0];
  if (first === undefined) return "?";
  const initial = (w: string) => w.replace(/[^A-Z]/g, "")[0] ?? "?";
  if (words.length === 1) return `${initial(first)}*`;
  const family = first.slice(0, MAX_FAMILY).replace(/-$/, "");
  const middles = words.slice(1, -1).slice(0, MAX_MIDDLE).map((w) => `${initial(w)}**`);
  const given = `${initial(words[words.length - 1] as string)}*`;
  return [family, ...middles, given].join(" ");
}

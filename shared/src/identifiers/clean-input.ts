/**
 * Input clean-up shared by the identifier checks: people type on phone keyboards, paste from
 * documents and group digits the way they are printed, so we fold full-width characters
 * (NFKC), upper-case, and drop the separators they use.
 */

/** Spaces (incl. non-breaking), dots, commas, hyphens and dashes, underscores, middle dots. */
export const SEPARATORS = /[\s.,\-\u2010-\u2015_\u00b7]+/g;

/** NFKC + trim + upper case, separators kept. */
export function foldInput(input: string): string {
  return input.normalize("NFKC").trim().toUpperCase();
}

/** {@link foldInput} with every separator removed: "001 090.012 345" → "001090012345". */
export function compactInput(input: string): string {
  return foldInput(input).replace(SEPARATORS, "");
}

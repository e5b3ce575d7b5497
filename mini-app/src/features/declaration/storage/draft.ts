import { z } from "zod";
import type { PlatformStorage } from "../../../platform";
import { formSchema, type DeclarationForm } from "../model/form";
import { STEPS, type StepId } from "../model/steps";
import { readJson, writeJson } from "./json";
import { STORAGE_KEYS } from "./keys";

/**
 * The declaration being filled in. Written to the phone on every change, so closing Zalo in
 * the middle of the queue loses nothing; read back when the app opens. When the person presses
 * "Cam kết và gửi" it moves, whole, into the outbox (which keeps it until the receipt arrives,
 * and hands it back if the server finds a mistake), so one declaration is never in two places.
 */
const draftSchema = z.object({
  version: z.literal(1),
  form: formSchema,
  /** The furthest step reached, where "Tiếp tục khai báo" resumes. */
  step: z.enum(STEPS).catch("checkpoint"),
  /** "quick" when it came from "Khai báo lại": it resumes on that screen. */
  mode: z.enum(["wizard", "quick"]).catch("wizard"),
  updatedAt: z.string().catch(""),
});
export type Draft = z.infer<typeof draftSchema>;

export interface DraftStore {
  get(): Draft | null;
  subscribe(listener: () => void): () => void;
  /** Starts a new draft (replacing any other). */
  start(form: DeclarationForm, options?: { mode?: Draft["mode"]; step?: StepId }): Draft;
  update(change: (form: DeclarationForm) => DeclarationForm): void;
  /** Remembers how far the person got (only ever forward). */
  reached(step: StepId): void;
  clear(): void;
}

export function createDraftStore(storage: PlatformStorage, now: () => Date = () => new Date()): DraftStore {
  let draft: Draft | null = readJson(storage, STORAGE_KEYS.draft, draftSchema);
  const listeners = new Set<() => void>();

  const commit = (next: Draft | null) => {
    draft = next;
    if (next === null) storage.remove(STORAGE_KEYS.draft);
    else writeJson(storage, STORAGE_KEYS.draft, next);
    for (const listener of listeners) listener();
  };
  const touch = (d: Draft): Draft => ({ ...d, updatedAt: now().toISOString() });

  return {
    get: () => draft,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(form, options = {}) {
      const next: Draft = touch({
        version: 1,
        form,
        step: options.step ?? "checkpoint",
        mode: options.mode ?? "wizard",
        updatedAt: "",
      });
      commit(next);
      return next;
    },
    update(change) {
      if (!draft) return;
      const form = change(draft.form);
      if (form === draft.form) return;
      commit(touch({ ...draft, form }));
    },
    reached(step) {
      if (!draft || STEPS.indexOf(step) <= STEPS.indexOf(draft.step)) return;
      commit(touch({ ...draft, step }));
    },
    clear: () => commit(null),
  };
}

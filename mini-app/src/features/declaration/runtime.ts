import type { FieldError } from "@khaibao/shared";
import type { ApiClient } from "../../lib/api-client";
import type { Platform } from "../../platform";
import { submitDeclaration } from "./api/submit-declaration";
import type { DeclarationForm } from "./model/form";
import { firstStepOf } from "./model/steps";
import { createOutbox, outboxListSchema, type Outbox, type Outcome } from "./outbox/outbox";
import { createDraftStore, type DraftStore } from "./storage/draft";
import { STORAGE_KEYS } from "./storage/keys";
import { lastDeclarationFrom, lastDeclarationSchema, peopleSchema, personFrom, upsertPerson, type LastDeclaration, type Person } from "./storage/profile";
import { addReceipt, receiptHistorySchema, type StoredReceipt } from "./storage/receipts";
import { createStoredValue, type StoredValue } from "./storage/stored-value";

/**
 * Field errors the server sent back for a declaration, shown on their fields until the person
 * changes that field (`values` is what each field held when the error came).
 */
export interface ReturnedErrors {
  fields: FieldError[];
  values: Readonly<Record<string, unknown>>;
  /** A refusal without fields (unknown checkpoint...): shown on the review step. */
  message: { vi: string; en: string } | null;
}

/** The declaration feature's state on this phone: one per platform, shared by every screen. */
export interface DeclarationRuntime {
  draft: DraftStore;
  people: StoredValue<Person[]>;
  last: StoredValue<LastDeclaration | null>;
  receipts: StoredValue<StoredReceipt[]>;
  outbox: Outbox;
  returned: StoredValue<ReturnedErrors | null>;
  now(): Date;
}

/** The value at a declaration path in the form (`vaccination.doses` lives at `doses`). */
export function formValueAt(form: DeclarationForm, path: string): unknown {
  if (path === "vaccination.doses") return form.doses;
  let value: unknown = form;
  for (const part of path.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function memoryValue<T>(initial: T): StoredValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  const set = (next: T) => {
    value = next;
    for (const l of listeners) l();
  };
  return {
    get: () => value,
    set,
    update: (change) => set(change(value)),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export function createRuntime(platform: Platform, api: ApiClient, now: () => Date = () => new Date()): DeclarationRuntime {
  const { storage } = platform;
  const draft = createDraftStore(storage, now);
  const people = createStoredValue(storage, STORAGE_KEYS.people, peopleSchema, []);
  const last = createStoredValue(storage, STORAGE_KEYS.last, lastDeclarationSchema.nullable(), null);
  const receipts = createStoredValue(storage, STORAGE_KEYS.receipts, receiptHistorySchema, []);
  const returned = memoryValue<ReturnedErrors | null>(null);

  const onReturned = (form: DeclarationForm, outcome: Exclude<Outcome, { kind: "delivered" }>) => {
    const values: Record<string, unknown> = {};
    for (const f of outcome.fields) values[f.path] = formValueAt(form, f.path);
    returned.set({ fields: outcome.fields, values, message: outcome.fields.length === 0 ? outcome.message : null });
    draft.start(form, { mode: "wizard", step: firstStepOf(outcome.fields.map((f) => f.path)) ?? "review" });
    // The whole wizard is open to them again: they may go straight to the field concerned.
    draft.reached("review");
  };

  const outbox = createOutbox({
    store: createStoredValue(storage, STORAGE_KEYS.outbox, outboxListSchema, []),
    send: (request) => submitDeclaration(api, request),
    isOnline: () => platform.isOnline(),
    onNetworkChange: (listener) => platform.onNetworkChange(listener),
    onResume: (listener) => platform.onResume(listener),
    now: () => now().getTime(),
    random: Math.random,
    setTimer(fn, ms) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
    onDelivered(item, response) {
      const at = now();
      receipts.update((list) => addReceipt(list, response.receipt, response.warnings, at));
      last.set(lastDeclarationFrom(item.form, item.personId, at));
      people.update((list) => upsertPerson(list, personFrom(item.form, item.personId, at)));
    },
    onReturned: (item, outcome) => onReturned(item.form, outcome),
  });

  return { draft, people, last, receipts, outbox, returned, now };
}

const runtimes = new WeakMap<Platform, DeclarationRuntime>();

/** The runtime for this platform, made (and its outbox started) on first use. */
export function getRuntime(platform: Platform, api: ApiClient): DeclarationRuntime {
  let runtime = runtimes.get(platform);
  if (!runtime) {
    runtime = createRuntime(platform, api);
    runtimes.set(platform, runtime);
    runtime.outbox.start();
  }
  return runtime;
}

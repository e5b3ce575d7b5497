import type { FieldIssue } from "@khaibao/shared";
import { toIsoWithOffset } from "./model/dates";
import type { DeclarationForm } from "./model/form";
import { newUuid } from "./model/ids";
import { checkDeclaration } from "./model/validation";
import type { DeclarationRuntime } from "./runtime";
import { findPerson } from "./storage/profile";

export type CommitResult = { ok: true; key: string } | { ok: false; issues: FieldIssue[] };

/**
 * "Cam kết và gửi": checks the whole declaration with the shared schema, gives it its
 * idempotency key and moves it from the draft into the outbox (stored before anything is sent),
 * which sends it now or as soon as there is a network.
 */
export function commitDeclaration(runtime: DeclarationRuntime, form: DeclarationForm, newKey: () => string = newUuid): CommitResult {
  const check = checkDeclaration(form);
  if (!check.ok) return check;
  const now = runtime.now();
  const key = newKey();
  const personId = findPerson(runtime.people.get(), form.identity)?.id ?? newKey();
  runtime.returned.set(null);
  runtime.outbox.enqueue({
    idempotencyKey: key,
    request: { idempotencyKey: key, declaration: check.declaration, clientSubmittedAt: toIsoWithOffset(now) },
    form,
    personId,
    createdAt: now.toISOString(),
  });
  runtime.draft.clear();
  return { ok: true, key };
}

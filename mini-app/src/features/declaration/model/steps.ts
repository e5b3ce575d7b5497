/**
 * The wizard's six steps, in order. Each owns the declaration paths (dot paths, as the shared
 * schemas and the server's field errors name them) whose errors it shows.
 */
export const STEPS = ["checkpoint", "identity", "residence", "trip", "health", "review"] as const;
export type StepId = (typeof STEPS)[number];

export function isStepId(value: string | undefined): value is StepId {
  return (STEPS as readonly string[]).includes(value ?? "");
}

/** 1-based, for "Bước 2/6". */
export function stepNumber(step: StepId): number {
  return STEPS.indexOf(step) + 1;
}

export function nextStep(step: StepId): StepId | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null;
}

export function previousStep(step: StepId): StepId | null {
  const i = STEPS.indexOf(step);
  return i > 0 ? (STEPS[i - 1] ?? null) : null;
}

/** Which step shows an error at `path` (e.g. a server's `identity.idNumber` → identity). */
export function stepOfPath(path: string): StepId {
  if (path === "trip.direction" || path === "trip.checkpointId") return "checkpoint";
  if (path.startsWith("identity")) return "identity";
  if (path.startsWith("residence")) return "residence";
  if (path.startsWith("trip")) return "trip";
  if (path.startsWith("health") || path.startsWith("test") || path.startsWith("vaccination")) return "health";
  return "review";
}

/** The first step (in wizard order) that has one of these paths. */
export function firstStepOf(paths: Iterable<string>): StepId | null {
  let best: number | null = null;
  for (const path of paths) {
    const i = STEPS.indexOf(stepOfPath(path));
    if (best === null || i < best) best = i;
  }
  return best === null ? null : (STEPS[best] ?? null);
}

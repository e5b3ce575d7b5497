import { normalizePlate } from "@khaibao/shared";
import type { TripForm } from "./form";

/**
 * The plate as it will be recorded (`29a12345` → `29A-123.45`), read with the chosen vehicle
 * (a motorbike's `29A12345` is `29-A1 2345`); null when it is not a plate (yet).
 */
export function canonicalPlate(plate: string, vehicle: TripForm["vehicle"]): string | null {
  if (plate.trim() === "") return null;
  const kind = vehicle === "motorbike" ? "motorbike" : vehicle === "" ? undefined : "car";
  const r = normalizePlate(plate, kind ? { kind } : {});
  return r.ok ? r.value : null;
}

import { checkWardInProvince, type Declaration, type FieldIssue, type WardLookup } from "@khaibao/shared";

/**
 * Ward-in-province checks the schema cannot make alone (it does not hold the 3,321 wards): the
 * residence ward is required, departure and destination wards are optional but must belong to
 * their province when given. Paths are those of the submitted body.
 */
export function placeIssues(d: Declaration, wards: WardLookup, prefix = "declaration"): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (path: string, wardCode: string | undefined, provinceCode: string, required: boolean) => {
    if (wardCode === undefined && !required) return;
    const result = checkWardInProvince(wardCode ?? "", provinceCode, wards);
    if (!result.ok) issues.push({ path: `${prefix}.${path}`, code: result.code, ...(result.params ? { params: result.params } : {}) });
  };
  check("residence.wardCode", d.residence.wardCode, d.residence.provinceCode, true);
  check("trip.departure.wardCode", d.trip.departure.wardCode, d.trip.departure.provinceCode, false);
  check("trip.destination.wardCode", d.trip.destination.wardCode, d.trip.destination.provinceCode, false);
  return issues;
}

import { z } from "zod";

/**
 * Who works in the staff console. One role per account:
 * - `agent`: answers citizens in the inbox;
 * - `supervisor`: an agent who sees every conversation, may verify receipts and resend
 *   declarations the backend refused or never took;
 * - `checkpoint_officer`: police at a checkpoint, verifies receipts;
 * - `admin`: manages accounts and reads the audit log (and can do everything above).
 */
export const STAFF_ROLES = ["agent", "supervisor", "checkpoint_officer", "admin"] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/**
 * What each role may do: the server's route guards and the console's navigation read the same
 * table, so a section is shown exactly when its API would answer.
 */
export const STAFF_PERMISSIONS = {
  /** Read a receipt (camera or text) and see its live status. */
  verifyReceipts: ["checkpoint_officer", "supervisor", "admin"],
  /** Create accounts, change roles, disable, reset passwords. */
  manageAccounts: ["admin"],
  /** See declarations the backend rejected or never took, and send them again. */
  manageForwarding: ["supervisor", "admin"],
  /** Read the audit log. */
  readAudit: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function staffCan(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

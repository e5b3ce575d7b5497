import { z } from "zod";

/**
 * Who works in the staff console. One role per account:
 * - `agent`: answers citizens in the inbox;
 * - `supervisor`: an agent who sees every conversation, writes canned answers and desk hours,
 *   reads the audit log (who revealed citizens' records and why), may verify receipts and resend
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
  /** Read the audit log (supervisors too: they check who revealed citizens' records and why). */
  readAudit: ["supervisor", "admin"],
  /** Answer citizens in the support inbox (agents see their own and unassigned conversations). */
  useInbox: ["agent", "supervisor", "admin"],
  /** See and assign every conversation of the inbox, whoever holds it. */
  seeAllConversations: ["supervisor", "admin"],
  /** Write the canned answers and the desks' business hours that agents use. */
  manageInbox: ["supervisor", "admin"],
  /** See the personal-data retention job's runs and what it held back. */
  viewRetention: ["supervisor", "admin"],
  /** Run the retention job now (it purges personal data past the limit; audit-logged). */
  runRetention: ["admin"],
  /** Register, edit and deactivate checkpoints; download their posters. */
  manageCheckpoints: ["admin"],
  /** The live dashboard: declarations per checkpoint, forwarding backlog. Counts only. */
  viewDashboard: ["supervisor", "admin"],
  /** The department's daily export, which can include personal data (audit-logged). */
  exportData: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffPermission = keyof typeof STAFF_PERMISSIONS;

export function staffCan(role: StaffRole, permission: StaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

import { z } from "zod";
import { staffRoleSchema } from "./roles";

/**
 * The staff console's API (`/api/staff/...`): one schema per request and answer, used by the
 * server's routes, the console's forms and the tests.
 */

/** Header carrying the session's CSRF token on every state-changing call. */
export const STAFF_CSRF_HEADER = "x-csrf-token";

/** Lower-case login names: `nguyen.an`, `pv-tram3`. Typed input is lower-cased first. */
export const staffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(32)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "staff.username_format" });

/** Length is what makes a password strong; no composition rules (NIST SP 800-63B). */
export const STAFF_PASSWORD_MIN_LENGTH = 10;
export const staffPasswordSchema = z
  .string()
  .min(STAFF_PASSWORD_MIN_LENGTH, { error: "staff.password_too_short" })
  .max(200)
  .refine((p) => p.trim().length === p.length, { error: "staff.password_spaces" });

export const staffDisplayNameSchema = z.string().trim().min(1).max(80);

/** Why an admin changed an account: goes into the audit log as written. */
export const staffReasonSchema = z.string().trim().max(500);

/** POST /api/staff/login. The password is not checked against the policy here: old ones still log in. */
export const staffLoginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type StaffLoginRequest = z.input<typeof staffLoginRequestSchema>;

export const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /** Set while wrong passwords keep the account locked. */
  lockedUntil: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** The signed-in person as the console needs them. */
export const staffUserSchema = staffAccountSchema.pick({ id: true, username: true, displayName: true, role: true, mustChangePassword: true });
export type StaffUser = z.infer<typeof staffUserSchema>;

/** GET /api/staff/session and the answer to a login. */
export const staffSessionResponseSchema = z.object({
  user: staffUserSchema,
  /** Send back in `X-CSRF-Token` on every POST, PATCH, PUT and DELETE. */
  csrfToken: z.string(),
  /** The session ends at this time whatever happens (absolute expiry). */
  expiresAt: z.string(),
  /** Idle timeout in seconds: the session ends after this long without a call. */
  idleTimeoutSeconds: z.number().int(),
});
export type StaffSessionResponse = z.infer<typeof staffSessionResponseSchema>;

/** POST /api/staff/password: the signed-in person changes their own password. */
export const changeOwnPasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: staffPasswordSchema,
});
export type ChangeOwnPasswordRequest = z.input<typeof changeOwnPasswordRequestSchema>;

export const staffAccountListResponseSchema = z.object({ accounts: z.array(staffAccountSchema) });
export const staffAccountResponseSchema = z.object({ account: staffAccountSchema });

/** POST /api/staff/accounts. The person must change this first password at their first login. */
export const createStaffAccountRequestSchema = z.object({
  username: staffUsernameSchema,
  displayName: staffDisplayNameSchema,
  role: staffRoleSchema,
  password: staffPasswordSchema,
});
export type CreateStaffAccountRequest = z.input<typeof createStaffAccountRequestSchema>;

/** PATCH /api/staff/accounts/:id: any of role, name, disabled, with the reason for the log. */
export const updateStaffAccountRequestSchema = z
  .object({
    role: staffRoleSchema.optional(),
    displayName: staffDisplayNameSchema.optional(),
    disabled: z.boolean().optional(),
    reason: staffReasonSchema.optional(),
  })
  .strict()
  .refine((u) => u.role !== undefined || u.displayName !== undefined || u.disabled !== undefined, { error: "staff.nothing_to_change" });
export type UpdateStaffAccountRequest = z.input<typeof updateStaffAccountRequestSchema>;

/** POST /api/staff/accounts/:id/password: a temporary password the person must change. */
export const resetStaffPasswordRequestSchema = z.object({ password: staffPasswordSchema, reason: staffReasonSchema.optional() }).strict();
export type ResetStaffPasswordRequest = z.input<typeof resetStaffPasswordRequestSchema>;

export const staffAuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** A readable name for the target (the account's username), when it still exists. */
  targetLabel: z.string().nullable(),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type StaffAuditEntry = z.infer<typeof staffAuditEntrySchema>;

/** GET /api/staff/audit?before=<id>&limit=<n>: newest first. */
export const staffAuditQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const staffAuditListResponseSchema = z.object({ entries: z.array(staffAuditEntrySchema) });

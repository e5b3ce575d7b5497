import {
  staffAccountListResponseSchema,
  staffAccountResponseSchema,
  type CreateStaffAccountRequest,
  type ResetStaffPasswordRequest,
  type StaffAccount,
  type UpdateStaffAccountRequest,
} from "@khaibao/shared";
import { request } from "../../lib/api";

export async function listAccounts(): Promise<StaffAccount[]> {
  return (await request("/api/staff/accounts", { schema: staffAccountListResponseSchema })).accounts;
}

export async function createAccount(input: CreateStaffAccountRequest): Promise<StaffAccount> {
  return (await request("/api/staff/accounts", { method: "POST", body: input, schema: staffAccountResponseSchema })).account;
}

export async function updateAccount(id: string, change: UpdateStaffAccountRequest): Promise<StaffAccount> {
  return (await request(`/api/staff/accounts/${id}`, { method: "PATCH", body: change, schema: staffAccountResponseSchema })).account;
}

export async function resetPassword(id: string, input: ResetStaffPasswordRequest): Promise<StaffAccount> {
  return (await request(`/api/staff/accounts/${id}/password`, { method: "POST", body: input, schema: staffAccountResponseSchema })).account;
}

export async function unlockAccount(id: string): Promise<StaffAccount> {
  return (await request(`/api/staff/accounts/${id}/unlock`, { method: "POST", schema: staffAccountResponseSchema })).account;
}

/** A temporary password to read out or write down: no look-alike characters (0/o, 1/l). */
export function generatePassword(): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length] as string);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}

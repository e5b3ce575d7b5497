import { staffCan, type StaffRole } from "@khaibao/shared";
import type { MessageKey } from "../lib/i18n";
import { paths } from "../lib/router";

/**
 * The console's sections, each shown only to the roles whose API answers it (the same
 * permission table as the server). Sections that are not built are not listed at all.
 */
export interface Section {
  path: string;
  label: MessageKey;
  visible(role: StaffRole): boolean;
}

export const SECTIONS: readonly Section[] = [
  { path: paths.verify, label: "nav.verify", visible: (role) => staffCan(role, "verifyReceipts") },
  { path: paths.forwarding, label: "nav.forwarding", visible: (role) => staffCan(role, "manageForwarding") },
  { path: paths.accounts, label: "nav.accounts", visible: (role) => staffCan(role, "manageAccounts") },
  { path: paths.audit, label: "nav.audit", visible: (role) => staffCan(role, "readAudit") },
];

export const sectionsFor = (role: StaffRole) => SECTIONS.filter((s) => s.visible(role));

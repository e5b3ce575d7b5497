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
  { path: paths.inbox, label: "nav.inbox", visible: (role) => staffCan(role, "useInbox") },
  { path: paths.dashboard, label: "nav.dashboard", visible: (role) => staffCan(role, "viewDashboard") },
  { path: paths.forwarding, label: "nav.forwarding", visible: (role) => staffCan(role, "manageForwarding") },
  { path: paths.checkpoints, label: "nav.checkpoints", visible: (role) => staffCan(role, "manageCheckpoints") },
  { path: paths.exports, label: "nav.exports", visible: (role) => staffCan(role, "exportData") },
  { path: paths.accounts, label: "nav.accounts", visible: (role) => staffCan(role, "manageAccounts") },
  { path: paths.canned, label: "nav.canned", visible: (role) => staffCan(role, "manageInbox") },
  { path: paths.audit, label: "nav.audit", visible: (role) => staffCan(role, "readAudit") },
  { path: paths.retention, label: "nav.retention", visible: (role) => staffCan(role, "viewRetention") },
];

export const sectionsFor = (role: StaffRole) => SECTIONS.filter((s) => s.visible(role));

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
  /** Where the sidebar lists it (see `SECTION_GROUPS`). */
  group: SectionGroup;
  visible(role: StaffRole): boolean;
}

/**
 * The sidebar's groups, in the order shown; within a group, sections keep the order of
 * `SECTIONS`. That order is also the landing order: home opens the role's first section.
 */
export const SECTION_GROUPS = [
  { id: "support", label: "nav.group.support" },
  { id: "checks", label: "nav.group.checks" },
  { id: "operations", label: "nav.group.operations" },
  { id: "admin", label: "nav.group.admin" },
] as const satisfies readonly { id: string; label: MessageKey }[];
export type SectionGroup = (typeof SECTION_GROUPS)[number]["id"];

export const SECTIONS: readonly Section[] = [
  { path: paths.verify, label: "nav.verify", group: "checks", visible: (role) => staffCan(role, "verifyReceipts") },
  { path: paths.inbox, label: "nav.inbox", group: "support", visible: (role) => staffCan(role, "useInbox") },
  { path: paths.dashboard, label: "nav.dashboard", group: "operations", visible: (role) => staffCan(role, "viewDashboard") },
  { path: paths.forwarding, label: "nav.forwarding", group: "operations", visible: (role) => staffCan(role, "manageForwarding") },
  { path: paths.checkpoints, label: "nav.checkpoints", group: "operations", visible: (role) => staffCan(role, "manageCheckpoints") },
  { path: paths.exports, label: "nav.exports", group: "operations", visible: (role) => staffCan(role, "exportData") },
  { path: paths.accounts, label: "nav.accounts", group: "admin", visible: (role) => staffCan(role, "manageAccounts") },
  { path: paths.canned, label: "nav.canned", group: "support", visible: (role) => staffCan(role, "manageInbox") },
  { path: paths.audit, label: "nav.audit", group: "admin", visible: (role) => staffCan(role, "readAudit") },
  { path: paths.retention, label: "nav.retention", group: "admin", visible: (role) => staffCan(role, "viewRetention") },
];

export const sectionsFor = (role: StaffRole) => SECTIONS.filter((s) => s.visible(role));

/** The role's sections by sidebar group; groups the role has nothing in are left out. */
export const navGroupsFor = (role: StaffRole) =>
  SECTION_GROUPS.map((g) => ({ ...g, sections: sectionsFor(role).filter((s) => s.group === g.id) })).filter((g) => g.sections.length > 0);

import type { PrivacyStrings } from "./vi";

export const en: PrivacyStrings = {
  link: "Privacy and my data",
  title: "Privacy",
  intro:
    "Your declarations are encrypted when stored and are passed only to the health and competent authorities for epidemic control. The personal details on them are deleted automatically after the retention period; only counts of checkpoint crossings (with nothing personal) are kept for statistics.",
  consentsTitle: "Your consents",
  activeSince: (at: string) => `Given on ${at}`,
  withdrawnAt: (at: string) => `Withdrawn on ${at}`,
  never: "Not given",
  versionOf: (v: string) => `Text version ${v}`,
  withdraw: "Withdraw",
  withdrawn: "Consent withdrawn.",
  withdrawNoteDeclaration: "Next time you declare, the app asks for your consent again. Declarations already sent are kept until the end of the retention period unless you ask for deletion.",
  withdrawNotePrefill: "The app will no longer read this; type it into the declaration yourself.",
  deleteTitle: "Delete my data",
  deleteIntro:
    "The server deletes the names, ID numbers, phone numbers, addresses and health answers of your declarations and your messages with the helpdesk. A declaration not yet passed to the authorities is passed on first (as the law requires), then deleted straight after.",
  deleteLocal: "Also delete what is stored on this phone (receipts, people declared for, drafts)",
  deleteAsk: "Ask to delete my data",
  deleteConfirm: "Are you sure? This cannot be undone. Deleted receipts cannot be used at a checkpoint.",
  deleteYes: "Delete my data",
  cancel: "Cancel",
  statusDone: (at: string) => `Your data on the server was deleted on ${at}.`,
  statusWaiting: (n: number) => `Request received. ${n} declaration(s) are waiting to be passed to the authorities; they are deleted as soon as that is done.`,
  statusReceived: "Deletion request received, being processed.",
  statusPurged: (n: number) => `Declarations deleted: ${n}.`,
  requestedAt: (at: string) => `Requested on ${at}`,
  localCleared: "The data on this phone was deleted.",
  failed: "That did not work. Check the connection and try again.",
};

import type { Strings } from "./vi";

/** English UI texts; typed by the Vietnamese ones, so a missing text fails the type check. */
export const en: Strings = {
  app: {
    title: "Travel declaration",
  },
  common: {
    back: "Back",
    retry: "Try again",
    loading: "Loading…",
  },
  checkpoint: {
    label: "Checkpoint",
    code: "Code",
    place: "Location",
    direction: "Direction checked",
    directions: {
      into: "Entering the city",
      out_of: "Leaving the city",
      both: "Both directions",
    },
    start: "Start declaration",
    startHint: "Declaring before you reach the checkpoint gets you through faster. It takes about 2 minutes.",
    chooseAnother: "Not this checkpoint? Choose another",
    inactiveTitle: "This checkpoint is not active",
    inactiveBody: "You do not need to declare at this checkpoint now. If you are about to pass another one, choose it from the list below.",
  },
  notFound: {
    title: (id: string) => `Checkpoint ${id} not found`,
    why: "The checkpoint code in the link is not in our system. The QR code may be blurred, cut off or out of date.",
    howToFix: "How to fix it",
    scanAgain: "Scan the QR code posted at the checkpoint again with the Zalo app.",
    pickFromList: "Or choose the checkpoint you are about to pass from the list below.",
  },
  picker: {
    title: "Choose a checkpoint",
    intro: "Which checkpoint are you about to pass? Scan the QR code posted there with the Zalo app, or choose it from the list.",
    listTitle: "Active checkpoints",
    empty: "No checkpoint is active right now.",
    codeLabel: "Or type the code printed on the poster",
    codePlaceholder: "e.g. HN-PHAPVAN",
    open: "Open",
    scan: "Scan QR code",
    scanUnsupported: "Scanning is not available here. Type or paste the checkpoint code.",
    scanFailed: "Could not read the QR code. Try again or type the checkpoint code.",
  },
  errors: {
    networkTitle: "Cannot reach the server",
    networkBody: "Please check your connection and try again.",
    offline: "Your phone is offline. Turn on mobile data or Wi-Fi; the app will try again by itself.",
    serverTitle: "Something went wrong",
    unexpectedResponse: "The server sent an answer we could not read. Please try again in a few minutes.",
  },
  crash: {
    title: "The app ran into a problem",
    body: "Sorry for the trouble. Reload the app; if it still fails, tell the staff at the checkpoint.",
    reload: "Reload",
  },
  declare: {
    title: "Declaration",
    step: (n: number) => `Step ${n}`,
    personalInfo: "Personal information",
    atCheckpoint: (id: string) => `At checkpoint ${id}`,
  },
};

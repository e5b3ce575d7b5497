import { commonMessages } from "./common";
import { identifierMessages } from "../identifiers/messages";
import { addressMessages } from "../admin-units/messages";
import { declarationMessages } from "../declaration/messages";
import { zaloMessages } from "../zalo/messages";
import { staffMessages } from "../staff/messages";
import { vaccinationMessages } from "../vaccination/messages";
import { inboxMessages } from "../inbox/messages";
import { checkpointMessages } from "../checkpoints/messages";
import { privacyMessages } from "../privacy/messages";
import type { Catalogue } from "./types";

/** The whole catalogue: every code any validation or API error can carry, in Vietnamese and English. */
export const messages: Catalogue = {
  ...commonMessages,
  ...identifierMessages,
  ...addressMessages,
  ...declarationMessages,
  ...staffMessages,
  ...inboxMessages,
  ...zaloMessages,
  ...checkpointMessages,
  ...privacyMessages,
  ...vaccinationMessages,
};

export type MessageCode =
  | keyof typeof commonMessages
  | keyof typeof identifierMessages
  | keyof typeof addressMessages
  | keyof typeof declarationMessages
  | keyof typeof staffMessages
  | keyof typeof inboxMessages
  | keyof typeof zaloMessages
  | keyof typeof checkpointMessages
  | keyof typeof privacyMessages
  | keyof typeof vaccinationMessages;

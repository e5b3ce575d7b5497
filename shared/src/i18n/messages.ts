import { commonMessages } from "./common";
import { identifierMessages } from "../identifiers/messages";
import { addressMessages } from "../admin-units/messages";
import { declarationMessages } from "../declaration/messages";
import { zaloMessages } from "../zalo/messages";
import { staffMessages } from "../staff/messages";
import type { Catalogue } from "./types";

/** The whole catalogue: every code any validation or API error can carry, in Vietnamese and English. */
export const messages: Catalogue = {
  ...commonMessages,
  ...identifierMessages,
  ...addressMessages,
  ...declarationMessages,
  ...staffMessages,
  ...zaloMessages,
};

export type MessageCode =
  | keyof typeof commonMessages
  | keyof typeof identifierMessages
  | keyof typeof addressMessages
  | keyof typeof declarationMessages
  | keyof typeof staffMessages
  | keyof typeof zaloMessages;

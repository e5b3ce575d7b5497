import { commonMessages } from "./common";
import { identifierMessages } from "../identifiers/messages";
import { addressMessages } from "../admin-units/messages";
import { declarationMessages } from "../declaration/messages";
import type { Catalogue } from "./types";

/** The whole catalogue: every code any validation or API error can carry, in Vietnamese and English. */
export const messages: Catalogue = {
  ...commonMessages,
  ...identifierMessages,
  ...addressMessages,
  ...declarationMessages,
};

export type MessageCode =
  | keyof typeof commonMessages
  | keyof typeof identifierMessages
  | keyof typeof addressMessages
  | keyof typeof declarationMessages;

import type { Catalogue } from "../i18n/types";

export const identifierMessages = {} as const satisfies Catalogue;

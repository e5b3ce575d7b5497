import type { Catalogue } from "../i18n/types";

export const declarationMessages = {} as const satisfies Catalogue;

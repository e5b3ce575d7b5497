import type { Catalogue } from "../i18n/types";

export const addressMessages = {} as const satisfies Catalogue;

/**
 * @khaibao/shared: the domain model used by the mini app, the bot server and the tests alike.
 * Pure TypeScript with no I/O, so it runs in a browser, in Node and in a CLI.
 */
export * from "./i18n/types";
export * from "./i18n/translate";
export { messages, type MessageCode } from "./i18n/messages";
export * from "./api/errors";
export * from "./checkpoints";
export * from "./identifiers";
export * from "./admin-units";
export * from "./declaration";
export * from "./receipts";
export * from "./staff";
export * from "./inbox";
export * from "./privacy";
export * from "./zalo";
export * from "./vaccination";
export * from "./operations";

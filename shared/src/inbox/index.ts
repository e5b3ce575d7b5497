/** The support inbox's API schemas and messages, shared by the server and the console. */
export * from "./api";
export { inboxMessages } from "./messages";

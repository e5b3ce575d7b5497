/** Consents, deletion requests and retention: texts and API schemas shared by app, server and console. */
export * from "./consent-texts";
export * from "./api";

/** The staff console's roles, permissions and API schemas, shared by the server and the console. */
export * from "./roles";
export * from "./api";
export * from "./forwarding";

/** Operators' views: the live dashboard and the department's daily export. */
export * from "./vietnam-time";
export * from "./dashboard";
export * from "./export";

export * from "./ids";
export * from "./events";
export * from "./facts";
export * from "./outgoing";
export * from "./samples";
export { zaloMessages } from "./messages";

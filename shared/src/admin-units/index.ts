/**
 * Administrative units since 1 July 2025: 34 provinces, 3,321 wards/communes, no district level;
 * plus the 63 former provinces that people (and CCCD numbers) still use. The province lists are
 * constants here; the ward data is large and stays on the server (the mini app fetches one
 * province's wards at a time), but searching it is pure and lives here.
 */
export * from "./types";
export * from "./normalize";
export { SCORE as MATCH_SCORE } from "./match";
export * from "./provinces";
export * from "./wards";
export * from "./schema";
export { addressMessages, type AddressMessageCode } from "./messages";

/**
 * The privacy feature: the citizen's consents (see and withdraw) and "delete my data". The link
 * is small and on the landing screen; the screen itself is in `./routes` (lazy-loaded).
 */
export { PrivacyLink } from "./privacy-link";

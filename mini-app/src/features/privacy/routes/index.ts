export { PrivacyRoute } from "./privacy-route";

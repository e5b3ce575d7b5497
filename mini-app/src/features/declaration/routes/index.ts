/**
 * The declaration feature's screens, loaded on demand (one chunk): the first screen never pays
 * for forms, QR drawing or ward search.
 */
import "../../../styles/fields.css";
import "../../../styles/badges.css";
import "./declaration.css";

export { WizardRoute } from "./wizard-route";
export { RedeclareRoute } from "./redeclare-route";
export { SendingRoute } from "./sending-route";
export { ReceiptRoute } from "./receipt-route";
export { HistoryRoute } from "./history-route";
export { PeopleRoute } from "./people-route";
export { PersonRoute } from "./person-route";

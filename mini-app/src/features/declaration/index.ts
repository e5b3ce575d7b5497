/**
 * What the rest of the app uses of the declaration feature without loading its screens:
 * the landing screen's actions and notices, and the outbox's start-up. The screens themselves
 * are in `./routes` (lazy-loaded by app.tsx).
 */
export { DeclarationStartFooter } from "./start/start-footer";
export { DeclarationHomeExtras } from "./start/home-extras";
export { OutboxNotifier } from "./start/outbox-notifier";
export { forgetDeviceData } from "./start/forget-device-data";

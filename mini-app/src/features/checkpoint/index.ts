export { LandingRoute, CheckpointRoute, CheckpointPickerRoute, type CheckpointSlots } from "./routes";

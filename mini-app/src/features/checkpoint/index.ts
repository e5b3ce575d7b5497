export { LandingRoute, CheckpointRoute, CheckpointPickerRoute } from "./routes";

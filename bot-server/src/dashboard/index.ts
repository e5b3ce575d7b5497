export { DashboardCounts } from "./counts";
export { dashboardRoutes } from "./routes";

import { dashboardResponseSchema, type DashboardResponse } from "@khaibao/shared";
import { request } from "../../lib/api";

export function loadDashboard(signal?: AbortSignal): Promise<DashboardResponse> {
  return request("/api/staff/dashboard", { schema: dashboardResponseSchema, ...(signal ? { signal } : {}) });
}

export { AdminUnitsRepository, addressDatabasePath, loadAdminUnits } from "./repository";
export { buildAdminUnits, type AdminUnitsData, type AdminUnitsStats } from "./data";
export { ADMIN_UNITS_CACHE_CONTROL, adminUnitsRouter } from "./routes";

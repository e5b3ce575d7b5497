export { DailyExport } from "./daily";
export { exportRoutes } from "./routes";
export { runExport } from "./service";
export { exportFile, summaryCsv, detailCsv, vietnamTime, type ExportFile } from "./format";
export { toCsv, csvField, UTF8_BOM } from "./csv";

export * from "./fields";
export * from "./identity";
export * from "./residence";
export * from "./trip";
export * from "./health";
export * from "./declaration";
export * from "./warnings";
export * from "./api";

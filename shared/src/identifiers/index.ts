export { LEGACY_PROVINCES, legacyProvinceByCode } from "./legacy-provinces";
export type { LegacyProvince } from "./legacy-provinces";
export { validateIdNumber, maskIdNumber } from "./id-number";
export type {
  Gender,
  IdCheck,
  IdCheckOptions,
  IdErrorCode,
  IdInvalid,
  IdKind,
  IdValid,
  IdWarning,
  IdWarningCode,
} from "./id-number";
export { decodeCccd } from "./cccd";
export type { CccdParts } from "./cccd";
export { isVietnamesePassportNumber } from "./passport";
export { normalizePhone, maskPhone } from "./phone";
export type { PhoneErrorCode, PhoneResult } from "./phone";
export { normalizePlate } from "./plate";
export type { PlateKind, PlateResult } from "./plate";
export { identifierMessages } from "./messages";
export type { IdentifierMessageCode } from "./messages";

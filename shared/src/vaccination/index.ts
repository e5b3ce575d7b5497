/**
 * Vaccination certificates (EU DCC `HC1:` format, which Vietnam's follow): schemas, the offline
 * decoder and verifier (mini app, server and CLI alike), display helpers and the lookup contract.
 */
export {
  dccNameSchema,
  dccBirthDateSchema,
  dccVaccinationSchema,
  dccCertificateSchema,
  trustEntrySchema,
  trustListSchema,
  vaccinationLookupRequestSchema,
  vaccinationLookupResponseSchema,
  VACCINATION_TRUST_LIST_PATH,
  VACCINATION_LOOKUP_PATH,
  VACCINATION_NOT_FOUND,
} from "./schema";
export type {
  DccName,
  DccVaccination,
  DccCertificate,
  TrustEntry,
  TrustList,
  VaccinationLookupRequest,
  VaccinationLookupRequestInput,
  VaccinationLookupResponse,
} from "./schema";
export { HC1_FAILURE_STEPS, hc1FailureMessageCode } from "./result";
export type { Hc1FailureStep, Hc1Facts, VerifyResult } from "./result";
export { decodeHc1, HC1_PREFIX } from "./decode";
export type { Hc1Decoded, Hc1Parts } from "./decode";
export { verifyHc1, coseSigStructure } from "./verify";
export { prepareHc1, packHc1, COSE_ALGORITHM_IDS } from "./encode";
export type { Hc1Claims, UnsignedHc1 } from "./encode";
export type { VerifyHc1Options } from "./verify";
export { describeVaccination, isBoosterDose } from "./display";
export type { VaccinationDisplay } from "./display";
export { COVID19_DISEASE_CODE, diseaseNames, vaccineTypeNames, vaccineProductNames, vaccineManufacturerNames, countryNames } from "./value-sets";
export { vaccinationMessages } from "./messages";
export type { VaccinationMessageCode } from "./messages";
export { base64Encode as trustBase64Encode, base64Decode as trustBase64Decode } from "./bytes";

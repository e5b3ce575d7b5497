export type { FieldCipher } from "./types";
export { createFieldCipher, DEFAULT_DEV_DATA_KEY_FILE, normalizeForIndex, type FieldCipherOptions } from "./field-cipher";
export { FieldCipherError, type FieldCipherErrorCode } from "./errors";
export { parseDataKeys } from "./data-keys";
export { createPrivacyFeature, createRetentionOverview, type PrivacyFeature, type PrivacyFeatureOptions, type RetentionOverview } from "./feature";
export { createConsents, type Consents } from "./consents/service";
export { createRetentionJob, type RetentionJob, type RetentionOutcome } from "./retention/job";

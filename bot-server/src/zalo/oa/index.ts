export { createZaloModule, DEFAULT_ZALO_TUNING, type ZaloModule, type ZaloModuleDeps, type ZaloModuleEnv, type ZaloTuning } from "./module";
export { createHttpOaApi, ZALO_OA_API_URL, OA_PATHS, type OaApi, type OaSent, type AccessTokenSource } from "./client";
export { ZaloOaError, oaErrorKindOf, type OaErrorKind } from "./errors";
export { splitText } from "./split-text";
export { createTokenBucket, type OaRateLimiter } from "./rate-limit";
export { OutboundRepository, type OutboundProblem, type OutboundState } from "./outbox/repository";
export type { OutboundProblemReport } from "./outbox/worker";

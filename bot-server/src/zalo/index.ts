export { createHttpZaloGraph, ZALO_GRAPH_URL, type ZaloGraph, type ZaloUser, type HttpZaloGraphOptions } from "./graph-client";
export { withMeCache, type MeCacheOptions } from "./me-cache";
export { ZaloGraphError, type ZaloGraphErrorKind } from "./errors";
export { requireZaloUser, zaloUserOf, zaloAccessTokenOf } from "./auth";
export { appSecretProof, isValidAppSecretProof } from "./appsecret-proof";

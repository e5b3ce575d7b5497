export { inlineSealer, sealDeclaration, sealThenInsert, type AcceptedDeclaration, type DeclarationSealer, type DeclarationWriter, type SealInput, type SealOutput } from "./seal";
export { startDeclarationThread, startSealerThread, type SealerThreadOptions } from "./thread";
export type { UnsealedDeclaration } from "./protocol";

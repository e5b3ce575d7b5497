export { inlineSealer, sealDeclaration, type DeclarationSealer, type SealInput, type SealOutput } from "./seal";
export { startSealerThread, type SealerThreadOptions } from "./thread";

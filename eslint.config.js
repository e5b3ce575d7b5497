// Lint config for the whole monorepo (flat config). Type-aware rules are left out to keep
// `npm test` fast; `npm run typecheck` covers types.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/.zbench/**", "**/node_modules/**", "**/dist/**", "**/www/**", "data/**", "**/generated/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": ["error", { allow: ["warn", "error"] }],
    },
  },
  {
    files: ["mini-app/src/**/*.{ts,tsx}", "bot-server/console/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Architecture guard: shared is pure (no I/O), and only the platform module touches zmp-sdk.
    files: ["shared/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "axios", "express", "@khaibao/bot-server", "@khaibao/mini-app"] }],
    },
  },
  {
    files: ["mini-app/src/**/*.{ts,tsx}"],
    ignores: ["mini-app/src/platform/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["zmp-sdk", "zmp-sdk/*", "@khaibao/bot-server"] }],
    },
  },
  {
    files: ["tests/**/*.ts", "**/scripts/**", "**/*.test.ts", "**/cli/**", ".ci/**"],
    rules: { "no-console": "off" },
  },
);

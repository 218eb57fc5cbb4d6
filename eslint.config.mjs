// @ts-check
// The lint gate (`npm run lint`, run by `npm test`): JavaScript's and TypeScript's recommended rules,
// type-aware checks for TypeScript, the React hooks rules (with the React Compiler's), and Next.js's
// Core Web Vitals rules. Zero warnings are allowed; a suppression must say why on its own line.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig, globalIgnores } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    ".next/",
    ".next-bench/",
    "out/",
    "data/",
    "outbox/",
    "public/",
    "test-results/",
    "playwright-report/",
    "bench/results/",
    "next-env.d.ts",
    "*.tmp.mjs",
    ".scratch/",
  ]),
  {
    linterOptions: { reportUnusedDisableDirectives: "error", reportUnusedInlineConfigs: "error" },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Plain JavaScript: the syntax rules only (tsconfig.checkjs.json type-checks the `// @ts-check` files).
  { files: ["**/*.{js,mjs,cjs}"], extends: [tseslint.configs.disableTypeChecked] },
  reactHooks.configs.flat["recommended-latest"],
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `catch {}` is this code base's way to say "best effort": a failure there changes nothing.
      "no-empty": ["error", { allowEmptyCatch: true }],
      // `async` without `await` is how a function meets a Promise-returning contract (Next's
      // headers(), Kysely's migration provider, test doubles); removing it would change nothing real.
      "@typescript-eslint/require-await": "off",
    },
  },
);

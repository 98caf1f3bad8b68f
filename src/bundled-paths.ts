import { fileURLToPath } from 'node:url';

// The package root is one level above this file, both in src/ and in dist/ (where every bundle and
// chunk sits, the CommonJS ones included).
const packageRoot = new URL('../', import.meta.url);

/** The rule pack shipped with accord: `rules/` at the package root. */
export const bundledRulesDir = fileURLToPath(new URL('rules/', packageRoot));

/** The fixtures of the bundled rules, shipped beside them: `fixtures/rules/` at the package root. */
export const bundledFixturesDir = fileURLToPath(new URL('fixtures/rules', packageRoot));

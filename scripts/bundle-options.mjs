// The esbuild options of accord's bundles, shared by the build and the benchmark's profiler so a
// profile measures exactly what ships.
const common = {
  bundle: true,
  platform: 'node',
  mainFields: ['module', 'main'],
  // yaml's ESM build (the same parser, published for bundlers) lets esbuild drop what accord never calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

/** The library (`import … from 'accord-policy'`): ESM, with lazily imported chunks. */
export const libraryBundle = {
  ...common,
  entryPoints: { index: 'src/index.ts' },
  splitting: true,
  format: 'esm',
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __accordCreateRequire } from 'node:module'; const require = __accordCreateRequire(import.meta.url);" },
};

/**
 * The CLI: one CommonJS file, dist/cli.cjs, which bin/accord.cjs loads through a V8 code cache
 * (bin/code-cache.cjs). Its dynamic imports become lazily evaluated parts of the same file. On this
 * kind of VM every byte read and decoded at start-up costs, so identifiers are minified and the
 * packages only some runs need (globs, waiver patterns, --evaluator json-rules-engine) stay in
 * node_modules, required when first used.
 */
export const cliBundle = {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  format: 'cjs',
  minifyIdentifiers: true,
  plugins: [requireLazily(['fast-glob', 'picomatch', 'json-rules-engine'])],
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__accordModuleUrl' },
  banner: { js: "const __accordModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * Leaves `packages` in node_modules and turns each `import('pkg')` into a require() when first
 * called: vm.Script, which runs the CLI bundle, has no loader for import().
 */
function requireLazily(packages) {
  const filter = new RegExp(`^(${packages.join('|')})$`);
  return {
    name: 'require-lazily',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'require-lazily' } : { path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'require-lazily' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  };
}

/**
 * The library for `require('accord-policy')`: one CommonJS file, dist/index.cjs, for Node 20 before
 * require(esm). Its lazily imported modules become lazily evaluated parts of the same file.
 */
export const libraryCjsBundle = {
  ...common,
  entryPoints: { index: 'src/index.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__accordModuleUrl' },
  banner: { js: "const __accordModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

// The esbuild options of accord's bundle, shared by the build and the benchmark's profiler so a
// profile measures exactly what ships.
export const bundleOptions = {
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  mainFields: ['module', 'main'],
  // yaml's ESM build (the same parser, published for bundlers) lets esbuild drop what accord never calls.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'linked',
  chunkNames: '[name]-[hash]',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __accordCreateRequire } from 'node:module'; const require = __accordCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

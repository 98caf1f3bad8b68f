// Build: standalone schema validators, an ESM bundle for the library (lazily loaded chunks), a
// CommonJS bundle for the CLI with its V8 code cache, one for require(), and the type declarations.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { cliBundle, libraryBundle, libraryCjsBundle } from './bundle-options.mjs';

const root = new URL('../', import.meta.url);
execFileSync(process.execPath, [new URL('build-validators.mjs', import.meta.url).pathname], { stdio: 'inherit' });
execFileSync(process.execPath, [new URL('build-html-page.mjs', import.meta.url).pathname], { stdio: 'inherit' });
// Build beside dist/ and swap it in, so a concurrent `accord` run never sees a half-built dist/.
const staging = `dist.tmp-${process.pid}`;
rmSync(new URL(`${staging}/`, root), { recursive: true, force: true });

await esbuild.build({ ...libraryBundle, absWorkingDir: root.pathname, outdir: staging });
await esbuild.build({ ...cliBundle, absWorkingDir: root.pathname, outdir: staging });
await esbuild.build({ ...libraryCjsBundle, absWorkingDir: root.pathname, outdir: staging });
// vm.Script, which runs the CLI bundle, has no loader for import(): a new lazily imported package
// belongs in cliBundle's requireLazily list, or the CLI would fail when it first needs it.
if (readFileSync(new URL(`${staging}/cli.cjs`, root), 'utf8').includes('import(')) throw new Error('dist/cli.cjs calls import(): add the package to requireLazily in scripts/bundle-options.mjs');
execFileSync(process.execPath, [new URL('build-code-cache.cjs', import.meta.url).pathname, staging, 'dist'], { cwd: root.pathname, stdio: 'inherit' });

execFileSync(process.execPath, [new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname, '-p', 'tsconfig.build.json', '--outDir', `${staging}/types`], {
  cwd: root.pathname,
  stdio: 'inherit',
});
writeFileSync(new URL(`${staging}/index.d.ts`, root), "export * from './types/index.js';\n");
// The same declarations for require(): a CommonJS copy (its own package.json says so), so TypeScript
// types `require('accord-policy')` as the CommonJS module it loads (dist/index.cjs).
cpSync(new URL(`${staging}/types/`, root), new URL(`${staging}/cjs-types/`, root), { recursive: true });
writeFileSync(new URL(`${staging}/cjs-types/package.json`, root), '{ "type": "commonjs" }\n');
writeFileSync(new URL(`${staging}/index.d.cts`, root), "export * from './cjs-types/index.js';\n");
const old = `dist.old-${process.pid}`;
try {
  renameSync(new URL('dist/', root), new URL(`${old}/`, root));
} catch {
  // no previous build
}
renameSync(new URL(`${staging}/`, root), new URL('dist/', root));
rmSync(new URL(`${old}/`, root), { recursive: true, force: true });

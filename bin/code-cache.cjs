'use strict';
// Loads a CommonJS bundle through a V8 code cache written at build time (scripts/build-code-cache.cjs).
// Node 20 has no module.enableCompileCache; with the cache, a cold `accord check` skips parsing and
// compiling most of the bundle. The cache file holds a copy of the source it was made from, and is
// only used when that copy equals the bundle byte for byte: V8's own check compares the length of
// the source, not its content. V8 still rejects a cache made by another Node version or with other
// V8 flags; the bundle is then compiled as usual.
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { Script } = require('node:vm');

const cacheFileOf = (file) => `${file}.cache`;

/**
 * Compiles `file` with its code cache when the cache matches (`usedCache`; V8 may still reject it:
 * `script.cachedDataRejected`). `fresh` ignores the cache: a cache made from a script that was itself
 * loaded from a cache would carry over everything the old one held. `filename` names the script in
 * stack traces; V8 keeps the name a cache was made under, so a cache made in a staging folder is
 * made under the name the file will have.
 */
function compile(file, { fresh = false, filename = file } = {}) {
  const source = readFileSync(file);
  let cachedData;
  if (!fresh) try {
    const cache = readFileSync(cacheFileOf(file));
    const length = cache.readUInt32LE(0);
    if (length === source.length && cache.subarray(4, 4 + length).equals(source)) cachedData = cache.subarray(4 + length);
  } catch {
    // no cache: compile as usual
  }
  // The wrapper takes a line of its own and lineOffset takes it back: stack traces and profiles
  // give the bundle's own lines and columns, so its source map applies as is.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source.toString('utf8')}\n});`;
  return { script: new Script(wrapped, { filename, lineOffset: -1, cachedData }), source, usedCache: cachedData !== undefined };
}

/** Runs a compiled bundle as a CommonJS module and returns its exports. */
function run(script, file) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

/** Writes the cache for `file` from a script that has run (so it holds the functions the run compiled). */
function save(file, script, source) {
  const data = script.createCachedData();
  const header = Buffer.alloc(4);
  header.writeUInt32LE(source.length, 0);
  const temporary = `${cacheFileOf(file)}.tmp-${process.pid}`;
  writeFileSync(temporary, Buffer.concat([header, source, data]));
  renameSync(temporary, cacheFileOf(file));
}

module.exports = { compile, run, save };

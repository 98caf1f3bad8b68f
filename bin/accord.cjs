#!/usr/bin/env node
'use strict';
const path = require('node:path');
const { compile, run } = require('./code-cache.cjs');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const { main } = run(compile(file).script, file);
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

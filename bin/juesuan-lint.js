#!/usr/bin/env node
// Launcher for the bundled CLI (dist/ is built by `npm install` via the prepare script).
'use strict';
const { run } = require('../dist/cli.js');
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`juesuan-lint: internal error: ${(e && e.stack) || e}\n`);
    process.exitCode = 2;
  },
);

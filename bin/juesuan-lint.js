#!/usr/bin/env node
// Launcher for the bundled CLI (dist/ is built by `npm install` via the prepare script).
'use strict';
require('../dist/cli-boot.js');

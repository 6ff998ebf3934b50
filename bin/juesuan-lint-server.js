#!/usr/bin/env node
// Language server launcher: `juesuan-lint-server --stdio` (or --node-ipc / --socket=N).
'use strict';
require('../dist/server.js');

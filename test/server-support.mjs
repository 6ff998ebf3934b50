// A minimal LSP client for protocol tests: starts dist/server.js as a child process over stdio and
// speaks JSON-RPC with vscode-jsonrpc's stream reader/writer.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export const serverPath = fileURLToPath(new URL('../dist/server.js', import.meta.url));
export const corpusDir = new URL('../../shared/corpus/', import.meta.url);

export function fileUri(path) {
  return pathToFileURL(path).href;
}

/**
 * @param {object} options
 * @param {object} [options.settings] answers to workspace/configuration, by section (null when absent)
 * @param {boolean} [options.pull] announce pull-diagnostics support
 * @param {string[]} [options.args] transport arguments
 */
export async function startClient({ settings = {}, pull = false, args = ['--stdio'], env = {}, documentChanges = false } = {}) {
  const ipc = args.includes('--node-ipc');
  const child = spawn(process.execPath, [serverPath, ...args], { stdio: ['pipe', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = ipc
    ? rpc.createMessageConnection(new rpc.IPCMessageReader(child), new rpc.IPCMessageWriter(child))
    : rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = []; // every publishDiagnostics, in order
  const notifications = []; // every other notification {method, params}
  const logs = [];
  const configurationRequests = [];
  const listeners = new Set();
  const notify = () => listeners.forEach((l) => l());
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push(p);
    notify();
  });
  conn.onNotification('window/logMessage', (p) => logs.push(p.message));
  conn.onNotification((method, params) => {
    notifications.push({ method, params });
    notify();
  });
  conn.onRequest('workspace/configuration', (p) => {
    configurationRequests.push(p);
    return p.items.map((item) => client.settings[item.section] ?? null);
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => {
    notifications.push({ method: 'workspace/diagnostic/refresh' });
    notify();
    return null;
  });
  conn.listen();

  const client = {
    child,
    conn,
    settings,
    published,
    notifications,
    logs,
    configurationRequests,
    get stderr() {
      return stderr;
    },
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => conn.sendNotification(method, params),
    /** Resolves with the first value `probe()` returns that is not undefined (re-checked on every message). */
    waitFor(probe, timeoutMs = 15000, what = 'condition') {
      return new Promise((resolve, reject) => {
        const check = () => {
          let value;
          try {
            value = probe();
          } catch (e) {
            done();
            reject(e);
            return;
          }
          if (value !== undefined && value !== false) {
            done();
            resolve(value);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`timeout waiting for ${what}; stderr: ${stderr}; logs: ${logs.slice(-5).join(' | ')}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    /** The next publishDiagnostics for `uri` (optionally of one version) after `after` earlier ones. */
    diagnostics(uri, { version, after = 0 } = {}) {
      return client.waitFor(
        () => published.slice(after).find((p) => p.uri === uri && (version === undefined || p.version === version)),
        15000,
        `diagnostics for ${uri}${version === undefined ? '' : `@${version}`}`,
      );
    },
    open(uri, text, version = 1, languageId = 'plaintext') {
      return conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, contentChanges) {
      return conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    },
    close(uri) {
      return conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification('exit');
      } catch {
        // already gone
      }
      await new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      conn.dispose();
    },
  };

  const capabilities = {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges }, diagnostics: { refreshSupport: true } },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
  client.initializeResult = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
  await conn.sendNotification('initialized', {});
  return client;
}

/** Position (0-based line, UTF-16 character) of the first occurrence of `needle` in `text` (after `from`). */
export function positionOf(text, needle, from = 0) {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`not found: ${needle}`);
  return positionAt(text, offset);
}

export function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text, { line, character }) {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

/** Applies LSP TextEdits (non-overlapping) to a text. */
export function applyTextEdits(text, edits) {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The TextEdits of a WorkspaceEdit for one uri (changes or documentChanges). */
export function editsOf(workspaceEdit, uri) {
  if (workspaceEdit.changes) return workspaceEdit.changes[uri] ?? [];
  return (workspaceEdit.documentChanges ?? []).filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
}

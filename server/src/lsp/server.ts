// The language server: thin glue between LSP and the lint core. Documents are linted (debounced) in a
// worker thread; a result is published only for the document version it was computed from.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConfigLoader } from '../config';
import { localize } from '../core/messages';
import type { Locale } from '../core/types';
import { emptyAnalysis, type Analysis } from './analysis';
import { fixAllAction, quickFixes, recomputeAllAction, wantsKind, type EditTarget } from './codeActions';
import { diagnosticsOf, noticeText } from './diagnostics';
import { documentModelResult } from './documentModel';
import { hoverMarkdown } from './hover';
import { Cancelled, LintPool } from './lintPool';
import { DOCUMENT_MODEL_METHOD, FIX_ALL_KIND, RECOMPUTE_KIND, SETTINGS_SECTION, SUMMARY_METHOD, type DocumentModelParams, type SummaryParams } from './protocol';
import { localeFromClient, resolveSettings, type DocumentSettings } from './settings';
import { documentSymbols } from './symbols';

interface Waiter {
  version: number;
  resolve(a: Analysis): void;
  reject(e: Error): void;
}

interface DocState {
  /** Stops the debounce wait before the next lint. */
  stopTimer?: () => void;
  running?: { version: number; generation: number; cancel(): void };
  analysis?: Analysis;
  /** The text the analysis was computed from (documents are updated in place, so keep our own). */
  snapshot?: TextDocument;
  generation: number;
  failed?: { version: number; generation: number; error: Error };
  waiters: Waiter[];
  notice?: string;
  /** An edit is waiting for the pause in typing (set at once, before the debounce timer is). */
  pausePending?: boolean;
  /** Recent lint time of this document (moving average, ms): how early a lint starts before the pause ends. */
  lintMs?: number;
}

export interface ServerOptions {
  /** Script to run lints in a worker thread (the server bundle); undefined = lint in the server thread. */
  workerScript?: string;
  version?: string;
  /** A lint running longer is abandoned (the worker is restarted); default 60 s. */
  lintTimeoutMs?: number;
}

/**
 * How long before the end of the debounce wait a lint starts: its expected time plus a margin, so
 * that its result is there when the pause in typing is long enough (it is published then, not
 * earlier). A lint started early is cancelled like any other by the next edit.
 */
function leadTime(st: DocState, debounceMs: number): number {
  return st.lintMs === undefined ? 0 : Math.min(debounceMs, st.lintMs * 1.25 + 5);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `fn` after `ms`; returns how to stop it. No wait is the next turn of the event loop (a 0 ms timer waits 1 ms). */
function after(ms: number, fn: () => void): () => void {
  if (ms <= 0) {
    const immediate = setImmediate(fn);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const loader = createConfigLoader();
  const log = (message: string) => connection.console.log(message);
  const pool = new LintPool({ workerScript: options.workerScript, log, timeoutMs: options.lintTimeoutMs });
  const states = new Map<string, DocState>();
  const settingsCache = new Map<string, Promise<DocumentSettings>>();
  const shownProblems = new Set<string>();
  const caps = { configuration: false, pull: false, refresh: false, documentChanges: false, dynamicConfiguration: false, watchedFiles: false };
  let clientLocale: Locale = 'zh-cn';
  let pushedSettings: unknown; // didChangeConfiguration payload, for clients without workspace/configuration
  /** Bumped by every configuration change: results of an older generation are outdated. */
  let generation = 0;

  /** window/showMessage: a notification, so nothing waits for the user to dismiss it. */
  function show(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  /** Runs a handler; an exception is logged and answered with `fallback` instead of taking the server down. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
    return async (params: P, token: CancellationToken): Promise<R> => {
      try {
        return await handler(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        if (e instanceof Cancelled) return fallback;
        connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return fallback;
      }
    };
  }

  function stateOf(uri: string): DocState {
    let st = states.get(uri);
    if (!st) {
      st = { generation: -1, waiters: [] };
      states.set(uri, st);
    }
    return st;
  }

  function settingsFor(uri: string): Promise<DocumentSettings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = (async () => {
        let section: unknown = pushedSettings;
        if (caps.configuration) {
          try {
            section = await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
          } catch (e) {
            log(`workspace/configuration failed, using defaults: ${(e as Error).message}`);
            section = undefined;
          }
        }
        const settings = resolveSettings(section, uri, loader, clientLocale);
        for (const { source, problem } of settings.problems) {
          const text = `juesuan-lint: ${source}: ${localize(problem.message, settings.locale)}`;
          if (shownProblems.has(text)) continue;
          shownProblems.add(text);
          show(MessageType.Warning, text);
        }
        return settings;
      })();
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  function configurationChanged(): void {
    settingsCache.clear();
    generation++;
    for (const doc of documents.all()) schedule(doc.uri, true);
    if (caps.pull && caps.refresh) void connection.languages.diagnostics.refresh();
  }

  /** (Re)starts the debounce timer of a document; a lint running for an older version is cancelled now. */
  function schedule(uri: string, immediate = false): void {
    const st = stateOf(uri);
    const doc = documents.get(uri);
    if (st.running && doc && st.running.version !== doc.version) {
      st.running.cancel();
      st.running = undefined;
    }
    st.stopTimer?.();
    st.pausePending = !immediate;
    const editedAt = performance.now();
    void settingsFor(uri).then((settings) => {
      if (!documents.get(uri) || states.get(uri) !== st) return;
      st.stopTimer?.();
      // The pause in typing counts from the edit, not from when the settings were at hand.
      const due = editedAt + (immediate ? 0 : settings.debounceMs);
      st.stopTimer = after(due - leadTime(st, immediate ? 0 : settings.debounceMs) - performance.now(), () => void run(uri, due));
    });
  }

  /** Lints the current version; its diagnostics are published at `publishAt` (the end of the debounce wait) at the earliest. */
  async function run(uri: string, publishAt = 0): Promise<void> {
    const st = states.get(uri);
    const doc = documents.get(uri);
    if (!st || !doc) return;
    st.stopTimer?.();
    st.stopTimer = undefined;
    st.pausePending = false;
    const gen = generation;
    const version = doc.version;
    if (st.analysis?.version === version && st.generation === gen) return settle(st, st.analysis);
    if (st.running && st.running.version === version && st.running.generation === gen) return;
    st.running?.cancel();
    const settings = await settingsFor(uri);
    if (documents.get(uri)?.version !== version || gen !== generation || states.get(uri) !== st) return;
    const text = doc.getText();
    const snapshot = TextDocument.create(uri, doc.languageId, version, text);
    if (!settings.enable) {
      accept(st, uri, emptyAnalysis(uri, version), snapshot, gen, settings);
      return;
    }
    const startedAt = performance.now();
    const handle = pool.lint({ uri, version, text, rules: settings.rules });
    const running = { version, generation: gen, cancel: handle.cancel };
    st.running = running;
    try {
      const analysis = await handle.promise;
      const took = performance.now() - startedAt;
      st.lintMs = st.lintMs === undefined ? took : 0.7 * st.lintMs + 0.3 * took;
      // Started before the pause in typing ended: hold the result until it has (an edit meanwhile makes it stale).
      const early = publishAt - performance.now();
      if (early >= 1) await sleep(early);
      if (st.running === running) st.running = undefined;
      accept(st, uri, analysis, snapshot, gen, settings);
    } catch (e) {
      if (st.running === running) st.running = undefined;
      if (e instanceof Cancelled) return;
      const error = e instanceof Error ? e : new Error(String(e));
      connection.console.error(`lint of ${uri}@${version} failed: ${error.stack ?? error.message}`);
      st.failed = { version, generation: gen, error };
      for (const w of st.waiters.splice(0).filter((w) => w.version <= version)) w.reject(error);
      failed(st, uri, version, settings);
    }
  }

  /** Publishes a result if it is still for the current version and configuration; stale results are dropped. */
  function accept(st: DocState, uri: string, analysis: Analysis, snapshot: TextDocument, gen: number, settings: DocumentSettings): void {
    const doc = documents.get(uri);
    if (!doc || doc.version !== analysis.version || gen !== generation || states.get(uri) !== st) {
      analysis.release();
      return;
    }
    if (st.analysis !== analysis) st.analysis?.release();
    st.analysis = analysis;
    st.snapshot = snapshot;
    st.generation = gen;
    st.failed = undefined;
    const notice = noticeText(analysis.notice, settings.locale);
    if (!caps.pull) {
      connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: diagnosticsOf(analysis, snapshot, settings.locale, log) });
    }
    if (notice && st.notice !== notice) show(MessageType.Info, `juesuan-lint: ${notice}`);
    st.notice = notice;
    const summary: SummaryParams = { uri, version: analysis.version, ...analysis.summary, notice };
    void connection.sendNotification(SUMMARY_METHOD, summary);
    settle(st, analysis);
  }

  /** A lint that failed or timed out: old diagnostics no longer fit the text, so clear them and say why. */
  function failed(st: DocState, uri: string, version: number, settings: DocumentSettings): void {
    if (documents.get(uri)?.version !== version || states.get(uri) !== st) return;
    const notice = localize(
      { 'zh-cn': '本文档检查失败或超时，未显示结果（详见输出日志）。', en: 'Checking this document failed or timed out; no results shown (see the output log).' },
      settings.locale,
    );
    if (!caps.pull) connection.sendDiagnostics({ uri, version, diagnostics: [] });
    if (st.notice !== notice) show(MessageType.Warning, `juesuan-lint: ${notice}`);
    st.notice = notice;
    const summary: SummaryParams = { uri, version, checked: 0, errors: 0, warnings: 0, infos: 0, notice };
    void connection.sendNotification(SUMMARY_METHOD, summary);
  }

  function settle(st: DocState, analysis: Analysis): void {
    const ready = st.waiters.filter((w) => w.version <= analysis.version);
    st.waiters = st.waiters.filter((w) => w.version > analysis.version);
    for (const w of ready) w.resolve(analysis);
  }

  /**
   * The analysis of the document's current version (or a newer one), linting now if needed; with
   * `afterPause`, a lint waiting for the pause in typing is not started early (pulled diagnostics).
   */
  function analysisFor(uri: string, token?: CancellationToken, afterPause = false): Promise<Analysis | undefined> {
    const doc = documents.get(uri);
    if (!doc) return Promise.resolve(undefined);
    const st = stateOf(uri);
    if (st.analysis && st.analysis.version >= doc.version && st.generation === generation) return Promise.resolve(st.analysis);
    if (st.failed && st.failed.version === doc.version && st.failed.generation === generation) return Promise.reject(st.failed.error);
    return new Promise<Analysis>((resolve, reject) => {
      const waiter: Waiter = { version: doc.version, resolve, reject };
      st.waiters.push(waiter);
      token?.onCancellationRequested(() => {
        st.waiters = st.waiters.filter((w) => w !== waiter);
        reject(new Cancelled());
      });
      if (afterPause && st.pausePending) return;
      if (!st.running || st.running.version !== doc.version || st.running.generation !== generation) void run(uri);
    });
  }

  function editTarget(uri: string, version: number): EditTarget {
    return { uri, version, documentChanges: caps.documentChanges };
  }

  connection.onInitialize((params): InitializeResult => {
    const c = params.capabilities;
    caps.configuration = c.workspace?.configuration === true;
    caps.pull = c.textDocument?.diagnostic !== undefined;
    caps.refresh = c.workspace?.diagnostics?.refreshSupport === true;
    caps.documentChanges = c.workspace?.workspaceEdit?.documentChanges === true;
    caps.dynamicConfiguration = c.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    caps.watchedFiles = c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientLocale = localeFromClient(params.locale);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'juesuan-lint' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, RECOMPUTE_KIND], resolveProvider: false },
        diagnosticProvider: caps.pull ? { identifier: 'juesuan-lint', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'juesuan-lint', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (caps.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (caps.watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.juesuan-lint.json' }] });
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = params.settings as Record<string, unknown> | null | undefined;
    pushedSettings = settings && typeof settings === 'object' ? settings[SETTINGS_SECTION] : undefined;
    configurationChanged();
  });

  connection.onDidChangeWatchedFiles(() => {
    loader.clear();
    configurationChanged();
  });

  documents.onDidChangeContent((e) => {
    const st = stateOf(e.document.uri);
    // The first version is linted at once; edits wait for a pause in typing.
    schedule(e.document.uri, st.analysis === undefined && st.running === undefined);
  });

  documents.onDidClose((e) => {
    const st = states.get(e.document.uri);
    if (st) {
      st.stopTimer?.();
      st.running?.cancel();
      st.analysis?.release();
      for (const w of st.waiters) w.reject(new Cancelled());
      states.delete(e.document.uri);
    }
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard('textDocument/diagnostic', { kind: 'full' as const, items: [] }, async (params, token) => {
      const uri = params.textDocument.uri;
      let analysis: Analysis | undefined;
      try {
        // Pulled after every keystroke: the lint still waits for the pause in typing, as pushed ones do.
        analysis = await analysisFor(uri, token, true);
      } catch (e) {
        if (e instanceof Cancelled) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'superseded by a newer version', { retriggerRequest: true });
        throw e;
      }
      const st = states.get(uri);
      if (!analysis || !st?.snapshot || st.snapshot.version !== analysis.version) return { kind: 'full' as const, items: [] };
      const settings = await settingsFor(uri);
      const resultId = `${analysis.version}:${st.generation}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged' as const, resultId };
      return { kind: 'full' as const, resultId, items: diagnosticsOf(analysis, st.snapshot, settings.locale, log) };
    }),
  );

  connection.onHover(
    guard('textDocument/hover', null, async (params) => {
      const uri = params.textDocument.uri;
      const st = states.get(uri);
      const doc = documents.get(uri);
      // Answer from the latest result without waiting: hovers must stay fast while the user types.
      if (!st?.analysis || !st.snapshot || !doc) return null;
      const settings = await settingsFor(uri);
      const found = hoverMarkdown(await st.analysis.detail(), st.snapshot, st.snapshot.offsetAt(params.position), settings.locale);
      if (!found) return null;
      // An older result still applies where the hovered characters did not change.
      if (st.snapshot.version !== doc.version && doc.getText(found.range) !== st.snapshot.getText(found.range)) return null;
      return { contents: { kind: 'markdown' as const, value: found.markdown }, range: found.range };
    }),
  );

  connection.onCodeAction(
    guard('textDocument/codeAction', [], async (params, token) => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return [];
      const version = doc.version;
      const analysis = await analysisFor(uri, token);
      const st = states.get(uri);
      if (!analysis || !st?.snapshot || analysis.version !== version || documents.get(uri)?.version !== version) return [];
      const settings = await settingsFor(uri);
      const only = params.context.only;
      const actions = wantsKind(only, CodeActionKind.QuickFix) ? quickFixes(analysis, params, editTarget(uri, version), settings.locale) : [];
      // Recomputing every share is a source action asked for by kind (the client's command).
      if (only && wantsKind(only, RECOMPUTE_KIND)) {
        const action = recomputeAllAction(analysis, editTarget(uri, version), settings.locale);
        if (action) actions.push(action);
      }
      // Fix-all is computed only when asked for by kind (it re-lints until nothing safe is left).
      if (only && wantsKind(only, FIX_ALL_KIND) && analysis.findings.some((f) => f.fixes.some((x) => x.safe))) {
        const result = await pool.fixAll(st.snapshot.getText(), settings.rules);
        if (documents.get(uri)?.version === version) {
          const action = fixAllAction(st.snapshot, result.edits, editTarget(uri, version), settings.locale);
          if (action) actions.push(action);
        }
      }
      return actions;
    }),
  );

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', [], async (params, token) => {
      const analysis = await analysisFor(params.textDocument.uri, token);
      const snapshot = states.get(params.textDocument.uri)?.snapshot;
      return analysis && snapshot?.version === analysis.version ? documentSymbols(await analysis.detail(), snapshot) : [];
    }),
  );

  connection.onRequest(
    DOCUMENT_MODEL_METHOD,
    guard(DOCUMENT_MODEL_METHOD, null, async (params: DocumentModelParams, token) => {
      const analysis = await analysisFor(params.uri, token);
      const snapshot = states.get(params.uri)?.snapshot;
      if (!analysis || snapshot?.version !== analysis.version) return null;
      const settings = await settingsFor(params.uri);
      return documentModelResult(analysis, snapshot, settings.locale);
    }),
  );

  connection.onShutdown(() => pool.dispose());

  documents.listen(connection);
  connection.listen();
}

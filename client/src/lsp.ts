// The language client. Loaded with a dynamic import only when the first report is opened, so that
// activating the extension (on every plain-text file) does not pay for vscode-languageclient.
import * as vscode from 'vscode';
import {
  DidOpenTextDocumentNotification,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID, type ReportGate } from './gate';

export { State };
export type { LanguageClient };

export function createClient(
  context: vscode.ExtensionContext,
  gate: ReportGate,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };

  const known = (document: vscode.TextDocument) => gate.synced.has(document.uri.toString());

  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { language: 'plaintext' }, { language: 'markdown' }],
    outputChannel: output,
    synchronize: { configurationSection: 'juesuanLint' },
    middleware: {
      didOpen: async (document, next) => {
        if (!gate.accepts(document)) return;
        gate.synced.add(document.uri.toString());
        await next(document);
      },
      didChange: async (event, next) => {
        if (known(event.document)) return next(event);
        // A plain-text buffer that just became a report (a pasted report in an untitled file).
        if (gate.accepts(event.document)) await sendOpen(client, event.document);
      },
      didSave: async (document, next) => {
        if (known(document)) await next(document);
      },
      didClose: async (document, next) => {
        const wasKnown = known(document);
        gate.forget(document.uri);
        if (wasKnown) await next(document);
      },
      provideCodeActions: (document, range, context, token, next) =>
        known(document) ? next(document, range, context, token) : undefined,
      provideHover: (document, position, token, next) => (known(document) ? next(document, position, token) : undefined),
      provideCodeLenses: (document, token, next) => (known(document) ? next(document, token) : undefined),
      provideDocumentSymbols: (document, token, next) => (known(document) ? next(document, token) : undefined),
      provideDiagnostics: (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        return gate.synced.has(uri.toString()) ? next(document, previousResultId, token) : undefined;
      },
    },
  };

  const client = new LanguageClient('juesuanLint', 'juesuan-lint', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) gate.synced.clear();
  });
  return client;
}

/**
 * Opens a document in the server through the client's own didOpen feature (not a bare notification),
 * so that the feature's bookkeeping runs: the document counts as synced and its diagnostics are pulled.
 * The didOpen middleware above still asks the gate, which must accept the document by now.
 */
async function sendOpen(client: LanguageClient, document: vscode.TextDocument): Promise<void> {
  await client.getFeature(DidOpenTextDocumentNotification.method).getProvider(document)?.send(document);
}

/** Opens a document in the server although the gate refused it: the user asked to lint it. */
export async function openInServer(client: LanguageClient, gate: ReportGate, document: vscode.TextDocument): Promise<void> {
  gate.force(document);
  if (!gate.synced.has(document.uri.toString())) await sendOpen(client, document);
}

// Which documents the language server sees. The client registers for plaintext, Markdown and our
// own `juesuan` language, but plain text and Markdown files are only passed on when they look like
// a 决算 report (or the user asked to lint them): the middleware in lsp.ts asks this gate before
// every didOpen/didChange/didClose and before provider requests, so the server never parses
// unrelated notes and README files.
import type * as vscode from 'vscode';
import { looksLikeReport } from './sniff';

export const LANGUAGE_ID = 'juesuan';
const SNIFFED_LANGUAGES = new Set(['plaintext', 'markdown']);
/** Schemes of documents that are views of other documents (diff originals, output). */
const IGNORED_SCHEMES = new Set(['git', 'output', 'vscode-scm', 'gitlens', 'pr', 'review', 'chat-editing-text-model']);

export class ReportGate {
  /** Documents the server has been sent a didOpen for. */
  readonly synced = new Set<string>();
  /** Documents the user asked to lint although they do not look like reports. */
  private readonly forced = new Set<string>();
  /** Sniff verdicts by URI, with the document version they were made at. */
  private readonly sniffed = new Map<string, { version: number; report: boolean }>();

  isCandidateLanguage(document: vscode.TextDocument): boolean {
    return document.languageId === LANGUAGE_ID || SNIFFED_LANGUAGES.has(document.languageId);
  }

  accepts(document: vscode.TextDocument): boolean {
    if (document.languageId === LANGUAGE_ID) return true;
    if (!SNIFFED_LANGUAGES.has(document.languageId) || IGNORED_SCHEMES.has(document.uri.scheme)) return false;
    const key = document.uri.toString();
    if (this.forced.has(key) || this.synced.has(key)) return true;
    const cached = this.sniffed.get(key);
    // Once a report, always a report while open: deleting the title line must not make findings vanish.
    if (cached && (cached.report || cached.version === document.version)) return cached.report;
    const report = looksLikeReport(document.lineCount, (i) => document.lineAt(i).text);
    this.sniffed.set(key, { version: document.version, report });
    return report;
  }

  force(document: vscode.TextDocument): void {
    this.forced.add(document.uri.toString());
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.forced.delete(key);
    this.sniffed.delete(key);
    this.synced.delete(key);
  }
}

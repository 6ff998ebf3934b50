// Turning command-line arguments (files, directories, globs) into a sorted list of files.
import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compileGlob, globBase, isGlob } from './glob';

/** Extensions picked up when walking a directory. */
export const REPORT_EXTENSIONS = ['.txt', '.md'];

export class UsageError extends Error {}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function skipDir(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** Every file below `dir` (not entering node_modules or dot directories), as absolute paths. */
function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing to lint there
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDir(e.name)) walk(path, out);
    } else if (e.isFile()) {
      out.push(path);
    } else if (e.isSymbolicLink()) {
      // Follow links to files only: links to directories could loop.
      try {
        if (statSync(path).isFile()) out.push(path);
      } catch {
        /* dangling link */
      }
    }
  }
}

function hasReportExtension(path: string): boolean {
  const lower = path.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Resolves arguments to absolute file paths, deduplicated and sorted. A missing path, or a pattern
 * that matches nothing, is a usage error (like ESLint), so a typo never passes as "no findings".
 */
export function resolveInputs(args: string[], cwd: string): string[] {
  const found = new Set<string>();
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      found.add(path);
    } else if (stat?.isDirectory()) {
      const files: string[] = [];
      walk(path, files);
      files.filter(hasReportExtension).forEach((f) => found.add(f));
    } else if (isGlob(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) throw new UsageError(`no files match the pattern "${arg}"`);
      matches.forEach((f) => found.add(f));
    } else {
      throw new UsageError(`no such file or directory: ${arg}`);
    }
  }
  return [...found].sort();
}

export function expandGlob(pattern: string, cwd: string): string[] {
  const posix = toPosix(pattern).replace(/^\.\//, '');
  const absolute = isAbsolute(pattern);
  const match = compileGlob(posix);
  const base = resolve(cwd, globBase(posix));
  const files: string[] = [];
  walk(base, files);
  return files.filter((f) => match(absolute ? toPosix(f) : toPosix(relative(cwd, f))));
}

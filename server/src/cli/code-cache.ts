// Loads a bundle with V8's code cache. A CLI run spends its first lints compiling: each of its threads parses about
// 1 MB of bundled code and compiles every function it calls to bytecode. The cache keeps that bytecode between runs
// (about 40 ms per thread at start, and the first lints are faster), which is what a pre-commit hook or an editor
// running the CLI once per file waits for. (Node 22 has module.enableCompileCache; Node 20, which we support, has not.)
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

export interface CachedModule {
  exports: unknown;
  /**
   * Writes the cache of this `kind` (one of the kinds given when loading), unless a cache of that kind or a better one
   * was loaded. Call it once the code that matters has run: the cache holds the functions compiled so far.
   */
  save(kind?: string): void;
}

/** Where caches are kept (JUESUAN_LINT_CODE_CACHE_DIR, or a per-user folder in the temp dir); `off` turns caching off. */
export function codeCacheDir(): string | undefined {
  const set = process.env.JUESUAN_LINT_CODE_CACHE_DIR;
  if (set === 'off') return undefined;
  return set || join(tmpdir(), `juesuan-lint-code-cache-${process.getuid?.() ?? 'user'}`);
}

/**
 * Runs a CommonJS bundle as `require` would, from cached bytecode when there is a valid cache. `kinds` name caches of
 * the same bundle made by different runs, best first (the CLI's main thread: one made by a run that linted, which holds
 * the lint code, over one that only handed files to workers).
 */
export function requireWithCodeCache(file: string, kinds: string[] = ['']): CachedModule {
  const source = readFileSync(file, 'utf8');
  const dir = trusted(codeCacheDir());
  // V8 checks a cache against the source's length only: the key is the content's hash (and the Node build that made it).
  const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 32);
  const cacheFile = (kind: string) => join(dir!, `${basename(file, '.js')}-${key}${kind ? `-${kind}` : ''}.bin`);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  let script: Script | undefined;
  // The rank of the cache V8 accepted (kinds.length: none).
  let loaded = kinds.length;
  for (let rank = 0; dir !== undefined && rank < kinds.length && script === undefined; rank++) {
    let cachedData: Buffer;
    try {
      cachedData = readFileSync(cacheFile(kinds[rank]));
    } catch {
      continue; // No cache of this kind yet.
    }
    const candidate = new Script(wrapped, { filename: file, cachedData });
    if (candidate.cachedDataRejected) continue;
    script = candidate;
    loaded = rank;
  }
  script ??= new Script(wrapped, { filename: file });
  const module = { exports: {} as unknown };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    save(kind = kinds[kinds.length - 1]) {
      const rank = kinds.indexOf(kind);
      if (dir === undefined || rank < 0 || rank >= loaded) return;
      loaded = rank;
      // (Written aside and renamed: threads and runs that save at once never leave a torn file.)
      const target = cacheFile(kind);
      const partial = `${target}.${process.pid}-${threadId}`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        writeFileSync(partial, script!.createCachedData());
        renameSync(partial, target);
        removeStale(dir, basename(file, '.js'), key);
      } catch {
        // A read-only or full disk only costs the speed-up.
        try {
          unlinkSync(partial);
        } catch {
          // Nothing was written.
        }
      }
    },
  };
}

/**
 * The cache folder, unless another user could have written into it: cached bytecode runs as our code, and the temp
 * folder is shared (a folder not made yet is made private when the first cache is saved).
 */
function trusted(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  try {
    const stat = lstatSync(dir);
    const uid = process.getuid?.();
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
  } catch {
    // Not made yet.
  }
  return dir;
}

/** Caches of earlier builds of the bundle `name` (every rebuild has a new key): each is about 1 MB. */
function removeStale(dir: string, name: string, key: string): void {
  const ours = new RegExp(`^${name}-([0-9a-f]{32})(?:-[a-z]+)?\\.bin$`);
  for (const entry of readdirSync(dir)) {
    const m = ours.exec(entry);
    if (m && m[1] !== key) rmSync(join(dir, entry), { force: true });
  }
}

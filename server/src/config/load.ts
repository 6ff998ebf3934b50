// Node-only part of the configuration: finding the nearest `.juesuan-lint.json` above a file.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, parseConfig, type ConfigProblem, type PartialSettings } from './settings';

export interface LoadedConfig {
  /** Absolute path of the configuration file used, if any. */
  path?: string;
  settings: PartialSettings;
  problems: ConfigProblem[];
}

export interface ConfigLoader {
  /** Configuration for a file: the nearest `.juesuan-lint.json` in its directory or above. */
  loadConfigFor(filePath: string): LoadedConfig;
  /** Forget cached files (call when a configuration file changes). */
  clear(): void;
}

const NONE: LoadedConfig = { settings: {}, problems: [] };

/**
 * A loader caching one lookup per directory, so linting a thousand files in one folder reads the
 * configuration once. The cache lives as long as the loader: the language server clears it when a
 * configuration file changes.
 */
export function createConfigLoader(): ConfigLoader {
  const byDir = new Map<string, LoadedConfig>();
  function forDir(dir: string): LoadedConfig {
    const cached = byDir.get(dir);
    if (cached) return cached;
    let result: LoadedConfig;
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) {
      result = readConfig(candidate);
    } else {
      const parent = dirname(dir);
      // dirname of the root is the root itself: stop there.
      result = parent === dir ? NONE : forDir(parent);
    }
    byDir.set(dir, result);
    return result;
  }
  return {
    loadConfigFor: (filePath) => forDir(dirname(resolve(filePath))),
    clear: () => byDir.clear(),
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readConfig(path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as Error).message;
    return { path, settings: {}, problems: [{ message: { 'zh-cn': `无法读取配置文件：${reason}`, en: `Cannot read the configuration file: ${reason}` } }] };
  }
  const parsed = parseConfig(text);
  return { path, ...parsed };
}

const defaultLoader = createConfigLoader();

/** Uncached lookup of the configuration for one file (walks up from its directory to the root). */
export function loadConfigFor(filePath: string): LoadedConfig {
  defaultLoader.clear();
  return defaultLoader.loadConfigFor(filePath);
}

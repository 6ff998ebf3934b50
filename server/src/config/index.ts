// Configuration API for the CLI and the language server (see settings.ts and load.ts).
export * from './settings';
export * from './load';

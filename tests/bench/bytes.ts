// Bytes injected into every frame: the files the built manifest lists under
// content_scripts for ordinary web pages (all_frames), plus any module chunks those
// files import (a non-IIFE crxjs content script is a loader that imports chunks).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InjectedFile {
  path: string;
  bytes: number;
  gzip: number;
  world: 'MAIN' | 'ISOLATED';
}

export interface InjectedBytes {
  distDir: string;
  files: InjectedFile[];
  /** Sum of the files as shipped (already minified by the build). */
  bytes: number;
  /** Sum of each file gzipped on its own (level 9). */
  gzip: number;
}

interface ContentScript {
  js?: string[];
  css?: string[];
  matches?: string[];
  all_frames?: boolean;
  world?: string;
}

const IMPORT = /(?:\bimport\s*\(\s*|\bimport\s*(?:[\w*{}\s,$]+from\s*)?|\bfrom\s*)["'`]([^"'`]+)["'`]/g;
// crxjs loaders: import(chrome.runtime.getURL("assets/x.js")), a path from the extension root.
const GET_URL = /\bruntime\.getURL\(\s*["'`]([^"'`]+\.js)["'`]/g;

/** Paths (relative to the extension root) a built script loads. */
function importsOf(source: string, fromDir: string): string[] {
  const relativeImports = [...source.matchAll(IMPORT)]
    .map((match) => match[1] as string)
    .filter((spec) => /^(\.{0,2}\/)/.test(spec))
    .map((spec) => (spec.startsWith('/') ? spec.slice(1) : join(fromDir, spec)));
  const fromRoot = [...source.matchAll(GET_URL)].map((match) => (match[1] as string).replace(/^\//, ''));
  return [...relativeImports, ...fromRoot];
}

function reachesWebPages(script: ContentScript): boolean {
  return (script.matches ?? []).some((pattern) => /^(\*|https?):\/\//.test(pattern) || pattern === '<all_urls>');
}

/** Reads dist/<target>/manifest.json; throws when the build is missing. */
export function injectedBytes(distDir: string): InjectedBytes {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run 'npm run build' first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts?: ContentScript[] };
  const seen = new Set<string>();
  const files: InjectedFile[] = [];
  const visit = (file: string, world: InjectedFile['world']) => {
    const absolute = normalize(join(distDir, file));
    if (seen.has(absolute)) return;
    seen.add(absolute);
    if (!existsSync(absolute)) throw new Error(`${absolute} is listed or imported but missing from the build`);
    const source = readFileSync(absolute);
    files.push({ path: relative(distDir, absolute), bytes: source.length, gzip: gzipSync(source, { level: 9 }).length, world });
    if (absolute.endsWith('.js')) {
      for (const target of importsOf(source.toString('utf8'), dirname(relative(distDir, absolute)))) visit(target, world);
    }
  };
  for (const script of manifest.content_scripts ?? []) {
    if (!reachesWebPages(script)) continue;
    const world = script.world === 'MAIN' ? 'MAIN' : 'ISOLATED';
    for (const file of [...(script.js ?? []), ...(script.css ?? [])]) visit(file, world);
  }
  return {
    distDir,
    files,
    bytes: files.reduce((sum, file) => sum + file.bytes, 0),
    gzip: files.reduce((sum, file) => sum + file.gzip, 0),
  };
}

/** Bytes of the isolated-world content script(s) and their chunks. */
export function isolatedBytes(measured: InjectedBytes): number {
  return measured.files.filter((file) => file.world === 'ISOLATED').reduce((sum, file) => sum + file.bytes, 0);
}

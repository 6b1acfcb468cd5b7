import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import baseManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

// One source, two builds: `vite build --mode chrome` and `vite build --mode firefox`.
export type BuildTarget = 'chrome' | 'firefox';

export const GECKO_ID = 'fake-warning-blocker@fwb.example.org';
/** Chrome/Edge ID of every build, fixed by the public `key` in manifest.json (see README, enterprise deployment). */
export const CHROME_EXTENSION_ID = 'ljkmijllmnkiooapnfhlmoemlnblggnk';

function manifestFor(target: BuildTarget): ManifestV3Export {
  const manifest = structuredClone(baseManifest) as Record<string, unknown>;
  manifest.version = packageJson.version;
  if (target === 'chrome') {
    // Notification protection blocks and revokes a scam site's notification permission
    // through chrome.contentSettings; Firefox has no such API (and web-ext lint rejects it).
    manifest.permissions = [...(manifest.permissions as string[]), 'contentSettings'];
  }
  if (target === 'firefox') {
    // Chrome-only keys: Firefox takes its ID from gecko.id and its policy from
    // policies.json (3rdparty.Extensions), which it does not check against a schema.
    delete manifest.key;
    delete manifest.storage;
    manifest.background = { scripts: ['src/background/main.ts'], type: 'module' };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        // 140 (ESR) is the first with data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    };
  }
  return manifest as unknown as ManifestV3Export;
}

/** Merges src/locales/<lang>/*.json (one file per feature area) into _locales/<lang>/messages.json. */
function localesPlugin(): Plugin {
  const root = resolve(import.meta.dirname, 'src/locales');
  return {
    name: 'fwb-locales',
    generateBundle() {
      for (const lang of readdirSync(root)) {
        const merged: Record<string, unknown> = {};
        for (const file of readdirSync(join(root, lang)).sort()) {
          if (!file.endsWith('.json')) continue;
          const messages = JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Record<string, unknown>;
          for (const [key, value] of Object.entries(messages)) {
            if (key in merged) this.error(`Duplicate message key '${key}' in src/locales/${lang}/${file}`);
            merged[key] = value;
          }
        }
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source: JSON.stringify(merged, null, 1) });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: BuildTarget = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    define: { __BUILD_TARGET__: JSON.stringify(target) },
    // Vitest loads this file too; it needs no extension bundling.
    plugins: process.env.VITEST ? [] : [crx({ manifest: manifestFor(target), browser: target }), localesPlugin()],
    build: {
      // FWB_DIST_DIR lets parallel work trees build without overwriting each other.
      outDir: `${process.env.FWB_DIST_DIR ?? 'dist'}/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        input: {
          warning: 'src/ui/warning/index.html',
          help: 'src/ui/help/index.html',
          'remote-warning': 'src/ui/remote-warning/index.html',
        },
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'], environment: 'node' },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 90_000,
            // Each file launches real browsers; two at once fit this 2-core machine.
            fileParallelism: true,
            maxWorkers: 2,
          },
        },
        {
          extends: true,
          test: {
            // Browser policy files are machine-wide: one file at a time, after the 'e2e' project.
            name: 'e2e-policy',
            include: ['tests/e2e-policy/**/*.test.ts'],
            testTimeout: 90_000,
            hookTimeout: 90_000,
            fileParallelism: false,
            maxWorkers: 1,
          },
        },
      ],
    },
  };
});

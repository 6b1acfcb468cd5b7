import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, GECKO_ID } from '../../vite.config';
import { validateSettings } from '../../src/shared/settings-validate';

// The ready-to-edit policy files must say what the extension accepts: each one is
// read back into the 3rdparty values and validated like a real policy.
const dir = resolve(import.meta.dirname, '../fixtures/policies');
const read = (name: string) => readFileSync(resolve(dir, name), 'utf8');
const values = JSON.parse(read('policy-values.json')) as Record<string, unknown>;
const schema = JSON.parse(read('../../../public/managed-schema.json')) as { properties: Record<string, { type: string }> };

/** Reads the policy part of a .reg file the way Chrome maps registry keys to 3rdparty values. */
function readReg(text: string, policyKey: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  let target: Record<string, unknown> | null = null;
  let path: string[] = [];
  for (const line of text.split(/\r\n/)) {
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      const key = section[1] as string;
      target = null;
      if (!key.startsWith(policyKey)) continue;
      path = key.slice(policyKey.length).split('\\').filter(Boolean);
      target = result;
      for (const part of path) target = (target[part] ??= {}) as Record<string, unknown>;
      continue;
    }
    const value = /^"([^"]+)"=(?:dword:([0-9a-f]{8})|(".*"))$/.exec(line);
    if (!value || !target) continue;
    const [, name = '', dword, string] = value;
    const property = schema.properties[path[0] ?? name];
    target[name] = dword !== undefined ? (property?.type === 'boolean' ? parseInt(dword, 16) === 1 : parseInt(dword, 16)) : JSON.parse(string as string);
  }
  // A key of numbered values is a list.
  for (const [key, value] of Object.entries(result)) {
    if (schema.properties[key]?.type === 'array') result[key] = Object.values(value as Record<string, unknown>);
  }
  return result;
}

/** Minimal XML property-list reader (dict, array, string, integer, true, false). */
function readPlist(xml: string): unknown {
  const tokens = [...xml.replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '').matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)];
  let index = 0;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  function value(): unknown {
    const [, , tag, selfClosing, text = ''] = tokens[index++] as RegExpMatchArray;
    if (tag === 'plist') return value();
    if (selfClosing) return tag === 'true';
    if (tag === 'string') return (index++, unescape(text));
    if (tag === 'integer') return (index++, Number(text));
    if (tag === 'array') {
      const items: unknown[] = [];
      while (tokens[index]?.[1] !== '/') items.push(value());
      index++;
      return items;
    }
    if (tag === 'dict') {
      const dict: Record<string, unknown> = {};
      while (tokens[index]?.[1] !== '/') {
        const key = unescape((tokens[index] as RegExpMatchArray)[4] ?? '');
        index += 2;
        dict[key] = value();
      }
      index++;
      return dict;
    }
    throw new Error(`unexpected <${tag}>`);
  }
  return value();
}

describe('stable extension ID', () => {
  it('is the one Chrome derives from the public key in manifest.json', () => {
    const manifest = JSON.parse(read('../../../manifest.json')) as { key: string };
    const hash = createHash('sha256').update(Buffer.from(manifest.key, 'base64')).digest('hex');
    const id = [...hash.slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});

describe('example policy files (tests/fixtures/policies)', () => {
  it('policy-values.json is a complete, valid policy', () => {
    const { issues, present } = validateSettings(values);
    expect(issues).toEqual([]);
    expect(present.sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('Linux JSON force-installs the fixed ID and carries the values under 3rdparty.extensions', () => {
    const policy = JSON.parse(read('linux-chrome-chromium-edge.json'));
    expect(policy.ExtensionSettings[CHROME_EXTENSION_ID].installation_mode).toBe('force_installed');
    expect(policy['3rdparty'].extensions[CHROME_EXTENSION_ID]).toEqual(values);
  });

  it('Firefox policies.json force-installs the gecko ID and carries the values under 3rdparty.Extensions', () => {
    const { policies } = JSON.parse(read('firefox-policies.json'));
    expect(policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
    expect(policies['3rdparty'].Extensions[GECKO_ID]).toEqual(values);
  });

  it.each([
    ['windows-chrome.reg', 'Google\\Chrome'],
    ['windows-edge.reg', 'Microsoft\\Edge'],
  ])('%s force-installs the fixed ID and sets every value in the 3rdparty registry key', (file, vendor) => {
    const text = read(file);
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const base = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}`;
    expect(text).toContain(`[${base}\\ExtensionInstallForcelist]\r\n"1"="${CHROME_EXTENSION_ID};https://`);
    expect(readReg(text, `${base}\\3rdparty\\extensions\\${CHROME_EXTENSION_ID}\\policy`)).toEqual(values);
  });

  it('the macOS profile installs into Chrome and Edge and sets the values for the extension domain', () => {
    const profile = readPlist(read('macos-chrome-edge.mobileconfig')) as { PayloadContent: Record<string, unknown>[] };
    const byType = Object.fromEntries(profile.PayloadContent.map((payload) => [payload.PayloadType, payload]));
    for (const vendor of ['com.google.Chrome', 'com.microsoft.Edge']) {
      expect(byType[vendor]?.ExtensionInstallForcelist).toEqual([expect.stringMatching(new RegExp(`^${CHROME_EXTENSION_ID};https://`))]);
      const settings = { ...byType[`${vendor}.extensions.${CHROME_EXTENSION_ID}`] };
      for (const key of Object.keys(settings)) if (key.startsWith('Payload')) delete settings[key];
      expect(settings).toEqual(values);
    }
    const uuids = [profile, ...profile.PayloadContent].map((payload) => (payload as { PayloadUUID: string }).PayloadUUID);
    expect(new Set(uuids).size).toBe(5);
  });
});

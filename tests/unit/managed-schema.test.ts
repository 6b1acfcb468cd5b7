import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../../src/shared/settings';
import { validateSettings } from '../../src/shared/settings-validate';

interface SchemaNode {
  type: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed-schema.json'), 'utf8')) as SchemaNode;
const properties = schema.properties ?? {};

/** The subset of JSON Schema Chrome applies to managed storage, enough to check our own file. */
function conforms(value: unknown, node: SchemaNode): boolean {
  switch (node.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && (!node.enum || node.enum.includes(value));
    case 'integer':
      return Number.isInteger(value) && (node.minimum ?? -Infinity) <= (value as number) && (value as number) <= (node.maximum ?? Infinity);
    case 'array':
      return Array.isArray(value) && value.every((item) => conforms(item, node.items as SchemaNode));
    case 'object':
      return typeof value === 'object' && value !== null && Object.entries(value).every(([k, v]) => !node.properties?.[k] || conforms(v, node.properties[k]));
    default:
      return false;
  }
}

describe('public/managed-schema.json', () => {
  it('describes exactly the settings', () => {
    expect(Object.keys(properties).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it('accepts every default (supportContact: a filled-in example, since null is "not set")', () => {
    for (const key of SETTING_KEYS) {
      const value = key === 'supportContact' ? { name: 'IT', phone: '+1 555 0100', url: 'https://help.example' } : DEFAULT_SETTINGS[key];
      expect(conforms(value, properties[key] as SchemaNode), key).toBe(true);
    }
  });

  it('offers only values the extension accepts, and all of them', () => {
    for (const [key, node] of Object.entries(properties)) {
      for (const option of node.enum ?? []) expect(validateSettings({ [key]: option }).issues, `${key}=${option}`).toEqual([]);
      if (node.type === 'integer') {
        expect(validateSettings({ [key]: node.minimum }).issues).toEqual([]);
        expect(validateSettings({ [key]: node.maximum }).issues).toEqual([]);
        expect(validateSettings({ [key]: (node.maximum ?? 0) + 1 }).issues).toHaveLength(1);
      }
    }
    expect(properties.mode?.enum).toEqual(['block', 'warn', 'monitor']);
    expect(validateSettings({ mode: 'off' }).issues).toHaveLength(1);
  });
});

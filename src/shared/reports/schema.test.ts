import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_ID, type ScamReportV1, validateReport } from './schema';

const report = (): ScamReportV1 => ({
  schema: REPORT_SCHEMA_ID,
  schemaVersion: 1,
  reportId: '0b6f3c1e-1d2a-4c3b-9e8f-123456789abc',
  kind: 'scam',
  createdAt: '2025-01-02T03:04:05.000Z',
  page: { url: 'http://scam.example/', title: 'Windows Defender', chain: [{ url: 'http://ads.example/', via: 'opener' }] },
  verdict: { level: 'scam', score: 9, reasons: [{ key: 'reasonBrand', params: ['Microsoft'], category: 'brand', weight: 2, text: 'Uses the Microsoft brand' }] },
  phoneNumbers: ['+1 888 555 0100'],
  comment: null,
  screenshot: null,
  client: { extensionVersion: '0.1.0', browser: { name: 'Chrome', version: '130.0' }, platform: 'linux', locale: 'en-US' },
  source: 'popup',
  blockId: null,
});

describe('report schema v1', () => {
  it('accepts a complete report', () => {
    expect(validateReport(JSON.parse(JSON.stringify(report())))).toEqual(report());
  });

  it('accepts a report about a page the extension knew nothing of', () => {
    expect(() => validateReport({ ...report(), verdict: null, phoneNumbers: [] })).not.toThrow();
  });

  it.each([
    ['a missing field', () => { const r: Partial<ScamReportV1> = report(); delete r.client; return r; }, /client: missing/],
    ['an unknown field', () => ({ ...report(), extra: 1 }), /extra: unknown/],
    ['another version', () => ({ ...report(), schemaVersion: 2 }), /schemaVersion/],
    ['a bad id', () => ({ ...report(), reportId: 'x' }), /UUID/],
    ['a bad time', () => ({ ...report(), createdAt: 'yesterday' }), /ISO 8601/],
    ['an over-long comment', () => ({ ...report(), comment: 'x'.repeat(2001) }), /longer than/],
    ['an unknown nested field', () => ({ ...report(), page: { ...report().page, cookie: 'x' } }), /unknown or longer/],
  ])('rejects %s', (_name, make, error) => {
    expect(() => validateReport(make())).toThrow(error);
  });
});

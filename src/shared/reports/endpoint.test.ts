import { describe, expect, it } from 'vitest';
import { checkEndpoint } from './endpoint';

describe('report endpoint check', () => {
  it.each(['https://reports.example.com/fwb', 'https://10.0.0.5:8443/in'])('accepts HTTPS: %s', (url) => {
    expect(checkEndpoint(url).ok).toBe(true);
  });

  it.each(['http://localhost:8080/r', 'http://127.0.0.1:9/r', 'http://[::1]/r', 'http://reports.fwb.test/v1'])(
    'accepts plain http only for loopback and .test hosts: %s',
    (url) => expect(checkEndpoint(url).ok).toBe(true),
  );

  it.each([
    ['http://reports.example.com/', 'not-https'],
    ['http://test.example.com/', 'not-https'],
    ['http://localhost.example.com/', 'not-https'],
    ['ftp://reports.example.com/', 'not-https'],
    ['https://user:pw@reports.example.com/', 'credentials'],
    ['reports.example.com', 'not-a-url'],
    ['  ', 'empty'],
  ])('refuses %s (%s)', (url, problem) => {
    expect(checkEndpoint(url)).toEqual({ ok: false, problem });
  });
});

import { describe, expect, it } from 'vitest';
import { urlFacts } from './url-facts';

describe('URL facts', () => {
  it.each([
    ['http://203.0.113.9/index.html', { rawIp: true, sharedHosting: null, throwawayLabel: false }],
    ['http://[2001:db8::1]/', { rawIp: true }],
    ['https://msstoera7futf4b220544341.z13.web.core.windows.net/$web/index.html', { rawIp: false, sharedHosting: 'z13.web.core.windows.net', throwawayLabel: true }],
    ['https://xqzkjpwtrvbn.azurewebsites.net/', { sharedHosting: 'azurewebsites.net', throwawayLabel: true }],
    ['https://carwashings-f7o5f.ondigitalocean.app/inject.php', { sharedHosting: 'ondigitalocean.app', throwawayLabel: false }],
    ['https://a8f3k29dj3kq0z.pages.dev/', { sharedHosting: 'pages.dev', throwawayLabel: true }],
  ])('%s', (url, expected) => {
    expect(urlFacts(url)).toMatchObject(expected);
  });

  it('never trusts a host because it ends in a brand’s shared-hosting domain', () => {
    // "microsoft" in the label does not help: anyone can register it there.
    expect(urlFacts('https://microsoftsupport7f3k2a.web.core.windows.net/').throwawayLabel).toBe(true);
    expect(urlFacts('https://microsoftsupport7f3k2a.web.core.windows.net/').sharedHosting).toBe('web.core.windows.net');
  });

  it.each(['https://learn.microsoft.com/en-us/', 'https://www.example.co.jp/', 'https://mozilla.github.io/pdf.js/', 'http://localhost:8080/'])(
    'sees nothing wrong with %s',
    (url) => {
      const facts = urlFacts(url);
      expect(facts.rawIp).toBe(false);
      expect(facts.throwawayLabel).toBe(false);
    },
  );

  it('survives garbage', () => {
    expect(urlFacts('not a url')).toMatchObject({ host: '', rawIp: false });
  });
});

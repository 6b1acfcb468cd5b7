// Policy effects on blocking and on the warning page: a blocked tab is navigated
// to the extension page src/ui/warning/index.html, which shows settings.supportContact.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/extension-browser';
import { BROWSERS, FIXTURES_DIR, FIXTURE_ORIGIN } from '../support/session';
import { openPolicySession, type PolicySession, waitUntil } from './policy-support';

const CORPUS_DIR = process.env.CORPUS_DIR ?? resolve(import.meta.dirname, '../../../shared/corpus');
const SCAM_HOST = 'scam.policy-e2e.fwb.test';
const ALLOWED_HOST = 'allowed.policy-e2e.fwb.test';
const BLOCKED_HOST = 'www.blocked.policy-e2e.fwb.test';
const CONTACT = { name: 'Policy E2E Helpdesk', phone: '+81 3-0000-0000', url: 'https://helpdesk.policy-e2e.fwb.test/' };
const POLICY = {
  allowList: [ALLOWED_HOST],
  blockList: ['*.blocked.policy-e2e.fwb.test'],
  supportContact: CONTACT,
  allowUserOverride: false,
};

/** A Windows Defender lock page in English from the corpus: the most common kit. */
function scamCase(): { dir: string; entry: string } | null {
  const tsv = join(CORPUS_DIR, 'cases.tsv');
  if (!existsSync(tsv)) return null;
  const row = readFileSync(tsv, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .find(([id, label, family, lang]) => !id?.startsWith('#') && label === 'scam' && family === 'ms-defender-lock' && lang === 'en');
  return row ? { dir: join(CORPUS_DIR, 'cases', row[0] as string), entry: row[4] as string } : null;
}

const scam = scamCase();
if (!scam) console.warn(`\n!!! CORPUS NOT FOUND at ${CORPUS_DIR}: policy-protection tests are SKIPPED (set CORPUS_DIR).\n`);

describe.skipIf(!scam).each(BROWSERS)('policy effects on protection in %s', (browserName) => {
  let session: PolicySession;
  const warningPrefix = () => `${session.browser.extensionOrigin}src/ui/warning/`;
  const isWarning = (url: string) => url.startsWith(warningPrefix());

  /** Opens `url`, clicks once (scam kits lock on the first click), returns the page and how long blocking took, or null. */
  async function visit(url: string, waitMs: number): Promise<{ page: TestPage; blockedAfterMs: number | null }> {
    const page = await session.browser.newPage(url);
    const started = Date.now();
    await page.click(200, 200).catch(() => {}); // the page may already be gone
    try {
      await page.waitForUrl(isWarning, waitMs);
      return { page, blockedAfterMs: Date.now() - started };
    } catch {
      return { page, blockedAfterMs: null };
    }
  }

  beforeAll(async () => {
    session = await openPolicySession(browserName, POLICY);
    for (const host of [SCAM_HOST, ALLOWED_HOST]) session.server.mount(host, (scam as { dir: string }).dir);
    session.server.mount(BLOCKED_HOST, FIXTURES_DIR);
  });
  afterAll(async () => session?.close());

  it('blocks the scam page on a host the policy does not list, and the allow-list lets the same page through', async () => {
    const entry = (scam as { entry: string }).entry;
    const blocked = await visit(`http://${SCAM_HOST}/${entry}`, 20_000);
    expect(blocked.blockedAfterMs, 'the unlisted copy must be blocked (baseline)').not.toBeNull();
    await blocked.page.close();

    // Give the allowed copy three times as long as blocking took, plus margin.
    const allowed = await visit(`http://${ALLOWED_HOST}/${entry}`, 3 * (blocked.blockedAfterMs ?? 0) + 3000);
    expect(allowed.blockedAfterMs).toBeNull();
    // (The kit's own links may add a fragment to the address.)
    expect((await allowed.page.url()).replace(/#.*$/, '')).toBe(`http://${ALLOWED_HOST}/${entry}`);
    await allowed.page.close();
  });

  it('blocks a harmless page on a block-listed host (subdomain of a "*." entry)', async () => {
    const { page, blockedAfterMs } = await visit(`http://${BLOCKED_HOST}/probe-first.html`, 20_000);
    expect(blockedAfterMs).not.toBeNull();
    await page.close();
    // The fixture itself is not blocked elsewhere: the block comes from the list.
    const control = await visit(`${FIXTURE_ORIGIN}/probe-first.html`, 3000);
    expect(control.blockedAfterMs).toBeNull();
    await control.page.close();
  });

  it('shows the organisation’s support contact on the warning page', async () => {
    const { page, blockedAfterMs } = await visit(`http://${SCAM_HOST}/${(scam as { entry: string }).entry}`, 20_000);
    expect(blockedAfterMs).not.toBeNull();
    await waitUntil(page, `document.body.innerText.includes(${JSON.stringify(CONTACT.phone)})`, 10_000);
    const text = (await page.evaluate('document.body.innerText')) as string;
    expect(text).toContain(CONTACT.name);
    expect(text).toContain(CONTACT.phone);
    await page.close();
  });

  it('without user overrides, the warning page offers neither "continue" nor "allow", and the background refuses them', async () => {
    const { page, blockedAfterMs } = await visit(`http://${BLOCKED_HOST}/probe-first.html`, 20_000);
    expect(blockedAfterMs).not.toBeNull();
    await waitUntil(page, "document.documentElement.dataset.state === 'ready'", 10_000);
    expect(await page.evaluate("document.getElementById('override').hidden")).toBe(true);
    for (const type of ['protection-continue', 'protection-allow-site']) {
      const reply = await page.evaluate(`(async () => {
        const api = globalThis.browser ?? globalThis.chrome;
        const blockId = new URL(location.href).searchParams.get('block');
        return api.runtime.sendMessage({ type: ${JSON.stringify(type)}, payload: { blockId } });
      })()`);
      expect(reply).toMatchObject({ ok: false, error: 'overrides are disabled by settings' });
    }
    expect(isWarning(await page.url())).toBe(true);
    await page.close();
  });
});

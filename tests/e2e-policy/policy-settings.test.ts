// Enterprise policy through the browsers' real policy machinery: Chromium reads
// /etc/chromium/policies/managed/*.json (3rdparty.extensions.<id>), Firefox reads
// /etc/firefox/policies/policies.json (3rdparty.Extensions.<id>). Runs as root.
//
// Policy files are machine-wide and other test runs may start browsers meanwhile:
// the values below keep protection on and name only *.policy-e2e.fwb.test hosts.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../src/shared/protocol';
import { BROWSERS } from '../support/session';
import type { TestPage } from '../support/extension-browser';
import { CHROME_EXTENSION_ID } from './policy-files';
import { getState, openOptions, openPolicySession, POPUP_PATH, type PolicySession, trySetUserSettings, waitForState, waitUntil } from './policy-support';

const VALID_POLICY = {
  protectionEnabled: true,
  mode: 'block',
  allowList: ['Intranet.Policy-E2E.fwb.test', 'https://apps.policy-e2e.fwb.test/helpdesk/*'],
  blockList: ['*.blocked.policy-e2e.fwb.test'],
  notificationProtection: true,
  reportEndpoint: 'http://reports.policy-e2e.fwb.test/collect',
  reportToken: 'e2e-token-not-a-secret',
  includeScreenshots: true,
  allowUserReports: false,
  supportContact: { name: 'Policy E2E Helpdesk', phone: '+81 3-0000-0000', url: 'https://helpdesk.policy-e2e.fwb.test/' },
};

// Each bad value must be reported and replaced by its default. Chromium filters
// values against managed-schema.json before the extension sees them (wrong types,
// enum and range violations show up in chrome://policy instead); the rest reach
// the extension in both browsers.
const INVALID_POLICY = {
  protectionEnabled: 'no',
  mode: 'off',
  remoteGuardWindowMinutes: 99_999,
  allowList: ['ok.policy-e2e.fwb.test', 'not a host name', '*.com'],
  reportEndpoint: 'javascript:alert(1)',
  supportContact: { name: 'Policy E2E Desk', phone: 'call us now' },
};

const isLocked = (page: TestPage, key: string) =>
  page.evaluate(`(() => {
    const row = document.querySelector('[data-setting="${key}"]');
    const control = row.querySelector('input, select, textarea');
    return { disabled: control.disabled, badge: row.querySelector('.fwb-locked')?.textContent ?? null };
  })()`) as Promise<{ disabled: boolean; badge: string | null }>;

describe.each(BROWSERS)('enterprise policy in %s', (browserName) => {
  describe('a valid policy', () => {
    let session: PolicySession;
    let options: TestPage;
    beforeAll(async () => {
      session = await openPolicySession(browserName, VALID_POLICY);
      options = await openOptions(session);
    });
    afterAll(async () => session?.close());

    it('uses the stable extension ID the example policies name', () => {
      if (browserName === 'chromium') expect(session.browser.extensionOrigin).toBe(`chrome-extension://${CHROME_EXTENSION_ID}/`);
      else expect(session.browser.extensionOrigin).toMatch(/^moz-extension:\/\//);
    });

    it('reaches the extension: policy values win, are locked, and the token stays in the service worker', async () => {
      const state = await getState(options);
      expect(state.managed).toBe(true);
      expect(state.policyIssues).toEqual([]);
      expect(state.settings).toMatchObject({
        protectionEnabled: true,
        mode: 'block',
        allowList: ['intranet.policy-e2e.fwb.test', 'https://apps.policy-e2e.fwb.test/helpdesk/*'],
        blockList: ['*.blocked.policy-e2e.fwb.test'],
        reportEndpoint: 'http://reports.policy-e2e.fwb.test/collect',
        reportToken: '',
        includeScreenshots: true,
        allowUserReports: false,
        supportContact: VALID_POLICY.supportContact,
      });
      expect(state.reportTokenSet).toBe(true);
      expect([...state.locked].sort()).toEqual(Object.keys(VALID_POLICY).sort());
    });

    it('refuses to change locked settings by message, and still accepts unlocked ones', async () => {
      for (const changes of [{ protectionEnabled: false }, { mode: 'monitor' }, { allowList: ['evil.example'] }, { protectionEnabled: null }]) {
        expect(await trySetUserSettings(options, changes), JSON.stringify(changes)).toMatch(/managed by your organisation/);
      }
      // Unknown to users: not settable even when no policy names them.
      expect(await trySetUserSettings(options, { reportEndpoint: 'http://evil.example/' })).toMatch(/reportEndpoint/);
      expect(await trySetUserSettings(options, { remoteGuardMode: 'always-warn' })).toBeNull();

      const state = await getState(options);
      expect(state.settings).toMatchObject({ protectionEnabled: true, mode: 'block', remoteGuardMode: 'always-warn' });
      expect(state.settings.allowList).not.toContain('evil.example');
      expect(state.settings.reportEndpoint).toBe(VALID_POLICY.reportEndpoint);
      expect(state.userSettings).toEqual({ remoteGuardMode: 'always-warn' });
    });

    it('shows locked settings as managed on the options page, and the UI cannot change them', async () => {
      expect(await isLocked(options, 'protectionEnabled')).toEqual({ disabled: true, badge: 'Managed by your organisation' });
      expect(await isLocked(options, 'mode')).toEqual({ disabled: true, badge: 'Managed by your organisation' });
      expect(await isLocked(options, 'allowList')).toEqual({ disabled: true, badge: 'Managed by your organisation' });
      expect(await isLocked(options, 'remoteGuardMode')).toEqual({ disabled: false, badge: null });
      await waitUntil(options, `document.getElementById('setting-remoteGuardMode').value === 'always-warn'`);
      expect(await options.evaluate(`!document.getElementById('settings-managed-notice').hidden`)).toBe(true);
      expect(await options.evaluate(`document.getElementById('settings-support-phone')?.textContent`)).toBe('+81 3-0000-0000');
      expect(await options.evaluate(`document.getElementById('settings-policy-errors').hidden`)).toBe(true);

      // A real click on the disabled checkbox does nothing…
      const box = (await options.evaluate(`(() => {
        const r = document.getElementById('setting-protectionEnabled').getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })()`)) as { x: number; y: number };
      await options.click(box.x, box.y);
      expect(await options.evaluate(`document.getElementById('setting-protectionEnabled').checked`)).toBe(true);
      // …and a control forced back on (as by a curious user in devtools) is refused by the service worker.
      await options.evaluate(`(() => {
        const input = document.getElementById('setting-protectionEnabled');
        input.disabled = false;
        input.click();
      })()`);
      await waitUntil(options, `document.getElementById('settings-status').dataset.result === 'failed'`);
      await waitUntil(options, `document.getElementById('setting-protectionEnabled').checked === true`);
      expect((await getState(options)).settings.protectionEnabled).toBe(true);
    });

    it('tells the popup that settings are managed', async () => {
      const popup = await session.browser.newPage(session.browser.extensionOrigin + POPUP_PATH);
      await waitUntil(popup, `document.getElementById('managed-notice') !== null`);
      expect(await popup.evaluate(`document.getElementById('managed-notice').textContent`)).toContain(
        'Some settings are managed by your organisation.',
      );
      await popup.close();
    });

    it.runIf(browserName === 'chromium')('applies a changed policy without a restart, in the service worker and on the open options page', async () => {
      session.policy.update({ ...VALID_POLICY, mode: 'warn', supportContact: { name: 'New Desk', phone: '+81 3-1111-1111', url: '' } });
      const changed = await waitForState(options, (state) => state.settings.mode === 'warn', 45_000);
      expect(changed.settings.supportContact).toEqual({ name: 'New Desk', phone: '+81 3-1111-1111', url: '' });
      await waitUntil(options, `document.getElementById('settings-support-phone')?.textContent === '+81 3-1111-1111'`, 10_000);
      expect(await options.evaluate(`document.getElementById('setting-mode').value`)).toBe('warn');

      // Policy withdrawn: the user's own settings and the defaults apply again, nothing is locked.
      session.policy.remove();
      const unmanaged = await waitForState(options, (state) => !state.managed, 45_000);
      expect(unmanaged.locked).toEqual([]);
      expect(unmanaged.settings).toMatchObject({ mode: 'block', protectionEnabled: true, remoteGuardMode: 'always-warn', supportContact: null });
      await waitUntil(options, `!document.getElementById('setting-protectionEnabled').disabled`, 10_000);
      expect(await trySetUserSettings(options, { mode: 'warn' })).toBeNull();
    });

    it('leaves no policy file behind once the browser no longer needs it', () => {
      if (browserName === 'firefox') expect(existsSync(session.policy.path)).toBe(false);
      else expect(existsSync(session.policy.path)).toBe(false); // removed by the live-change test above
    });
  });

  describe('an invalid and partial policy', () => {
    let session: PolicySession;
    let options: TestPage;
    let state: SettingsView;
    beforeAll(async () => {
      session = await openPolicySession(browserName, INVALID_POLICY);
      options = await openOptions(session);
      state = await getState(options);
    });
    afterAll(async () => session?.close());

    it('replaces each bad value by its default, keeps the good ones, and keeps protection on', () => {
      expect(state.managed).toBe(true);
      expect(state.settings).toMatchObject({
        protectionEnabled: true,
        mode: 'block',
        remoteGuardWindowMinutes: 60,
        allowList: ['ok.policy-e2e.fwb.test'],
        reportEndpoint: '',
        supportContact: { name: 'Policy E2E Desk', phone: '', url: '' },
      });
      const reported = state.policyIssues.map((issue) => issue.key);
      expect(reported).toEqual(expect.arrayContaining(['allowList[1]', 'allowList[2]', 'reportEndpoint', 'supportContact.phone']));
      // Firefox hands over every value; Chromium dropped the schema violations itself.
      const schemaViolations = ['protectionEnabled', 'mode', 'remoteGuardWindowMinutes'];
      if (browserName === 'firefox') expect(reported).toEqual(expect.arrayContaining(schemaViolations));
      else for (const key of schemaViolations) expect(reported).not.toContain(key);
    });

    it('locks what the policy names, even where the value was invalid', () => {
      expect(state.locked).toEqual(expect.arrayContaining(['allowList', 'reportEndpoint', 'supportContact']));
      if (browserName === 'firefox') expect(state.locked).toEqual(expect.arrayContaining(['protectionEnabled', 'mode']));
    });

    it('shows the errors on the options page', async () => {
      expect(await options.evaluate(`document.getElementById('settings-policy-errors').hidden`)).toBe(false);
      const items = (await options.evaluate(
        `[...document.querySelectorAll('#settings-policy-errors li')].map((li) => ({ key: li.dataset.key, text: li.textContent }))`,
      )) as { key: string; text: string }[];
      expect(items.map((item) => item.key)).toEqual(state.policyIssues.map((issue) => issue.key));
      const phone = items.find((item) => item.key === 'supportContact.phone');
      expect(phone?.text).toMatch(/^supportContact\.phone: value not allowed \(expected a phone number/);
      expect(await isLocked(options, 'allowList')).toEqual({ disabled: true, badge: 'Managed by your organisation' });
    });
  });
});

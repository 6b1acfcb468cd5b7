import browser from 'webextension-polyfill';
import { sendMessage } from '../../platform/messaging';
import type { SettingsView } from '../../shared/protocol';
import { USER_SETTINGS_STORAGE_KEY } from '../../shared/settings';
import type { SettingsIssue, SettingsProblem } from '../../shared/settings-validate';
import { t } from '../lib/i18n';
import { checkboxField, type Field, listField, type Save, selectField } from './settings-fields';
import './settings-section.css';

// The protection settings section of the options page: the user's settings,
// what the organisation's policy locks, and what was wrong with that policy.

const PROBLEM_MESSAGES: Record<SettingsProblem, string> = {
  unreadable: 'settingsProblemUnreadable',
  'not-an-object': 'settingsProblemNotAnObject',
  'unknown-key': 'settingsProblemUnknownKey',
  'wrong-type': 'settingsProblemWrongType',
  'bad-value': 'settingsProblemBadValue',
  'bad-entry': 'settingsProblemBadEntry',
  'too-many': 'settingsProblemTooMany',
  'above-maximum': 'settingsProblemAboveMaximum',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, id: string, messageKey?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (id) node.id = id;
  if (messageKey) node.textContent = t(messageKey);
  return node;
}

function issueItem(issue: SettingsIssue): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.key = issue.key;
  item.dataset.problem = issue.problem;
  item.textContent = t('settingsPolicyIssue', [issue.key, t(PROBLEM_MESSAGES[issue.problem]), issue.detail]);
  return item;
}

function showPolicy(state: SettingsView, notice: HTMLElement, errors: HTMLElement, contact: HTMLElement): void {
  notice.hidden = state.locked.length === 0;

  errors.hidden = state.policyIssues.length === 0;
  errors.querySelector('ul')?.replaceChildren(...state.policyIssues.map(issueItem));

  const support = state.settings.supportContact;
  contact.hidden = support === null;
  const details = contact.querySelector('dl') as HTMLElement;
  details.replaceChildren();
  if (!support) return;
  const add = (messageKey: string, value: Node | string) => {
    details.append(element('dt', '', messageKey));
    const definition = element('dd', '');
    definition.append(value);
    details.append(definition);
  };
  if (support.name) add('settingsSupportName', support.name);
  if (support.phone) {
    const phone = element('a', 'settings-support-phone');
    phone.href = `tel:${support.phone.replace(/[^\d+]/g, '')}`;
    phone.textContent = support.phone;
    add('settingsSupportPhone', phone);
  }
  if (support.url) {
    const link = element('a', 'settings-support-url');
    link.href = support.url;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = support.url.replace(/^mailto:/, '');
    add('settingsSupportUrl', link);
  }
}

export async function renderSettingsSection(section: HTMLElement): Promise<void> {
  const heading = element('h2', 'settings-heading', 'settingsHeading');
  const notice = element('p', 'settings-managed-notice', 'settingsManagedNotice');
  notice.className = 'fwb-managed-notice';
  const errors = element('div', 'settings-policy-errors');
  errors.setAttribute('role', 'alert');
  errors.append(element('h3', '', 'settingsPolicyIssuesHeading'), element('p', '', 'settingsPolicyIssuesIntro'), element('ul', ''));
  const contact = element('div', 'settings-support-contact');
  contact.append(element('h3', '', 'settingsSupportHeading'), element('p', '', 'settingsSupportNote'), element('dl', ''));
  const status = element('p', 'settings-status');
  status.setAttribute('role', 'status');
  const help = element('p', 'settings-list-help', 'settingsListHelp');
  help.className = 'hint';

  let fields: Field[] = [];
  const show = (state: SettingsView) => {
    showPolicy(state, notice, errors, contact);
    for (const field of fields) field.show(state);
  };
  const refresh = async () => show(await sendMessage('get-settings-state', {}));

  const save: Save = async (changes) => {
    try {
      show(await sendMessage('set-user-settings', { changes }));
      status.textContent = t('settingsSaved');
      status.dataset.result = 'saved';
      return true;
    } catch (error) {
      status.textContent = t('settingsSaveFailed', error instanceof Error ? error.message : String(error));
      status.dataset.result = 'failed';
      await refresh().catch(() => {});
      return false;
    }
  };

  fields = [
    checkboxField('protectionEnabled', 'settingsProtectionEnabled', save),
    selectField(
      'mode',
      'settingsMode',
      [
        ['block', 'settingsModeBlock'],
        ['warn', 'settingsModeWarn'],
        ['monitor', 'settingsModeMonitor'],
      ],
      save,
    ),
    checkboxField('notificationProtection', 'settingsNotificationProtection', save),
    selectField(
      'remoteGuardMode',
      'settingsRemoteGuardMode',
      [
        ['scam-context', 'settingsRemoteGuardScamContext'],
        ['always-warn', 'settingsRemoteGuardAlwaysWarn'],
        ['block', 'settingsRemoteGuardBlock'],
        ['off', 'settingsRemoteGuardOff'],
      ],
      save,
    ),
    listField('allowList', 'settingsAllowList', save),
    listField('blockList', 'settingsBlockList', save),
  ];
  // Disabled as a whole until the real state (and its locks) has arrived.
  const controls = element('fieldset', 'settings-fields');
  controls.disabled = true;
  controls.append(...fields.map((field) => field.row), help);
  section.replaceChildren(heading, notice, errors, contact, controls, status);

  // Policy changes (Chrome/Edge re-read policy while running) and changes from
  // another page show up here without reloading.
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'managed' || (areaName === 'local' && USER_SETTINGS_STORAGE_KEY in changes)) void refresh().catch(() => {});
  });
  try {
    await refresh();
    controls.disabled = false;
    section.dataset.ready = 'true';
  } catch (error) {
    status.textContent = t('settingsLoadFailed');
    console.error(error);
  }
}

import type { SettingsView } from '../../shared/protocol';
import type { Settings, UserSettingKey } from '../../shared/settings';
import { t } from '../lib/i18n';
import { applyLock } from '../lib/locked-indicator';

// One row per user-changeable setting: a control, its label, and the lock badge
// when the organisation's policy decides it.

export type Save = (changes: Partial<Record<UserSettingKey, unknown>>) => Promise<boolean>;

export interface Field {
  row: HTMLElement;
  show(state: SettingsView): void;
}

function row(key: UserSettingKey): HTMLDivElement {
  const element = document.createElement('div');
  element.className = 'setting-row';
  element.dataset.setting = key;
  return element;
}

function label(forId: string, messageKey: string): HTMLLabelElement {
  const element = document.createElement('label');
  element.htmlFor = forId;
  element.textContent = t(messageKey);
  return element;
}

type BooleanKey = { [K in UserSettingKey]: Settings[K] extends boolean ? K : never }[UserSettingKey];

export function checkboxField(key: BooleanKey, messageKey: string, save: Save): Field {
  const element = row(key);
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.id = `setting-${key}`;
  input.addEventListener('change', () => void save({ [key]: input.checked }));
  element.append(input, label(input.id, messageKey));
  return {
    row: element,
    show(state) {
      input.checked = state.settings[key];
      applyLock(element, [input], state.locked.includes(key));
    },
  };
}

export function selectField(key: 'mode' | 'remoteGuardMode', messageKey: string, options: [string, string][], save: Save): Field {
  const element = row(key);
  const select = document.createElement('select');
  select.id = `setting-${key}`;
  for (const [value, optionKey] of options) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = t(optionKey);
    select.append(option);
  }
  select.addEventListener('change', () => void save({ [key]: select.value }));
  element.append(label(select.id, messageKey), select);
  return {
    row: element,
    show(state) {
      select.value = state.settings[key];
      applyLock(element, [select], state.locked.includes(key));
    },
  };
}

/** A site list edited as one entry per line, saved with its own button. */
export function listField(key: 'allowList' | 'blockList', messageKey: string, save: Save): Field {
  const element = row(key);
  element.classList.add('setting-list');
  const textarea = document.createElement('textarea');
  textarea.id = `setting-${key}`;
  textarea.rows = 4;
  textarea.spellcheck = false;
  textarea.setAttribute('aria-describedby', 'settings-list-help');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('settingsSaveList');
  let dirty = false;
  textarea.addEventListener('input', () => (dirty = true));
  button.addEventListener('click', async () => {
    const entries = textarea.value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (await save({ [key]: entries })) dirty = false;
  });
  const heading = document.createElement('div');
  heading.className = 'setting-list-heading';
  heading.dataset.lockAnchor = '';
  heading.append(label(textarea.id, messageKey));
  element.append(heading, textarea, button);
  return {
    row: element,
    show(state) {
      const locked = state.locked.includes(key);
      // Keep what the user is typing unless the list has just been locked.
      if (!dirty || locked) {
        textarea.value = state.settings[key].join('\n');
        dirty = false;
      }
      applyLock(element, [textarea, button], locked);
    },
  };
}

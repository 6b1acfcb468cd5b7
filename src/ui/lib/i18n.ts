import browser from 'webextension-polyfill';

/** Returns a localised message; a missing key shows as the key itself, never as empty text. */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Fills every element carrying `data-i18n` (text) or `data-i18n-<attr>` (attribute)
 * with its message. Text only: messages are never parsed as markup.
 */
export function localizePage(root: ParentNode = document): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n ?? '');
  }
  for (const element of root.querySelectorAll<HTMLElement>('*')) {
    for (const attribute of element.getAttributeNames()) {
      if (!attribute.startsWith('data-i18n-')) continue;
      const target = attribute.slice('data-i18n-'.length);
      element.setAttribute(target, t(element.getAttribute(attribute) ?? ''));
    }
  }
}

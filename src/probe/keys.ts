// Which key presses a fake-warning page swallows to stop the user leaving:
// Escape and F11 (leave full screen), Alt+F4 / Ctrl+W (close), F5 / Ctrl+R
// (reload), F12 / Ctrl+Shift+I/J/C / Ctrl+U (developer tools, page source).
// Runs in the page world, so it uses no prototype method a page could replace.

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

function upper(key: string): string {
  switch (key) {
    case 'w': return 'W';
    case 'r': return 'R';
    case 'u': return 'U';
    case 'i': return 'I';
    case 'j': return 'J';
    case 'c': return 'C';
    default: return key;
  }
}

/** The watched key combination this press makes, e.g. 'Ctrl+W', or null for any other key. */
export function watchedCombo(press: KeyPress): string | null {
  const key = upper(press.key);
  switch (key) {
    case 'Escape':
    case 'F11':
    case 'F12':
    case 'F5':
      return key;
    case 'F4':
      return press.altKey ? 'Alt+F4' : null;
  }
  const control = press.ctrlKey ? 'Ctrl+' : press.metaKey ? 'Meta+' : '';
  if (!control) return null;
  switch (key) {
    case 'W':
    case 'R':
    case 'U':
      return press.shiftKey ? null : control + key;
    case 'I':
    case 'J':
    case 'C':
      return press.shiftKey ? `${control}Shift+${key}` : null;
  }
  return null;
}

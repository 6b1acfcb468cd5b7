import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type KeyPress, watchedCombo } from './keys';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('watched key combinations', () => {
  it.each([
    [press('Escape'), 'Escape'],
    [press('F11'), 'F11'],
    [press('F12'), 'F12'],
    [press('F5'), 'F5'],
    [press('F4', { altKey: true }), 'Alt+F4'],
    [press('w', { ctrlKey: true }), 'Ctrl+W'],
    [press('W', { metaKey: true }), 'Meta+W'],
    [press('r', { ctrlKey: true }), 'Ctrl+R'],
    [press('u', { ctrlKey: true }), 'Ctrl+U'],
    [press('I', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+I'],
    [press('j', { metaKey: true, shiftKey: true }), 'Meta+Shift+J'],
  ])('%o is %s', (keyPress, combo) => {
    expect(watchedCombo(keyPress)).toBe(combo);
  });

  it.each([
    press('F4'),
    press('w'),
    press('a', { ctrlKey: true }),
    press('i', { ctrlKey: true }),
    press('w', { ctrlKey: true, shiftKey: true }),
    press('Enter'),
    press('ArrowDown'),
  ])('%o is not watched (ordinary typing and shortcuts stay out of the evidence)', (keyPress) => {
    expect(watchedCombo(keyPress)).toBeNull();
  });

  it('never reports a printable key typed without Ctrl or Meta', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 1 }), fc.boolean(), fc.boolean(), (key, altKey, shiftKey) => {
        expect(watchedCombo(press(key, { altKey, shiftKey }))).toBeNull();
      }),
    );
  });
});

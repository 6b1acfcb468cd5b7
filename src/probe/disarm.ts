// The probe's disarmed state: set once by the 'disarm' command and never cleared
// for this document. Each watcher checks `state.disarmed` in its hooks and
// registers what to do at the moment of disarming.
const actions: (() => void)[] = [];

export const state = { disarmed: false };

export function onDisarm(action: () => void): void {
  actions[actions.length] = action;
}

export function disarm(): void {
  state.disarmed = true;
  for (let i = 0; i < actions.length; i++) {
    try {
      (actions[i] as () => void)();
    } catch {
      // One failing step must not stop the others.
    }
  }
}

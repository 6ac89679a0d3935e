/**
 * "Also notify me": whether the person asked for browser notifications of calls ringing them, kept in this
 * browser (localStorage) and shared by the header's toggle and the notice. Permission is asked for only when the
 * toggle is clicked (components/incoming-call-notice.tsx); without it, the preference does nothing.
 */
const STORAGE_KEY = 'firmafon-dashboard.notify-calls';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

let enabled: boolean | undefined;

export const notifyPreference = {
  get(): boolean {
    enabled ??= read();
    return enabled;
  },
  set(next: boolean): void {
    enabled = next;
    try {
      if (next) window.localStorage.setItem(STORAGE_KEY, 'on');
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage refused (private mode): the choice lasts for this tab.
    }
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

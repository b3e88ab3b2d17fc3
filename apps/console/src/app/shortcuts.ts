import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { MessageKey } from '../i18n/de';

/** The console's keyboard shortcuts: Alt plus a letter or digit, so typing in a field never triggers one. */
export const SHORTCUTS: { keys: string; label: MessageKey }[] = [
  { keys: 'Alt+1', label: 'shortcuts.work' },
  { keys: 'Alt+2', label: 'shortcuts.queues' },
  { keys: 'Alt+3', label: 'shortcuts.search' },
  { keys: 'Alt+4', label: 'shortcuts.wallboard' },
  { keys: 'Alt+N', label: 'shortcuts.takeNext' },
  { keys: 'Alt+A', label: 'shortcuts.accept' },
  { keys: 'Alt+R', label: 'shortcuts.reject' },
  { keys: 'Alt+K', label: 'shortcuts.knowledge' },
  { keys: 'Alt+E', label: 'shortcuts.reply' },
  { keys: 'Alt+O', label: 'shortcuts.note' },
  { keys: 'Ctrl+Enter', label: 'shortcuts.send' },
  { keys: 'Alt+H', label: 'shortcuts.help' },
];

/** Runs `actions[key]` on Alt+key (key lower-case, e.g. 'n', '1'); the latest actions win. */
export function useShortcuts(actions: Record<string, () => void>): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.code.startsWith('Digit') ? event.code.slice(5) : event.code.replace(/^Key/, '').toLowerCase();
      const action = latest.current[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Ctrl+Enter (or Cmd+Enter) in a form's text area submits the form. */
export function submitOnCtrlEnter(event: ReactKeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload: () => void;
  /** Takes data that arrived otherwise (a live event) as if loaded now. */
  replace: (data: T) => void;
}

/** Loads once per change of `deps` and again on `reload()`; a late answer to an old load is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ ...previous, loading: true }));
    latest.current().then(
      (data) => mine === generation.current && setState({ data, loading: false }),
      (error: Error) => mine === generation.current && setState((previous) => ({ data: previous.data, error, loading: false })),
    );
  }, []);
  const replace = useCallback((data: T) => {
    generation.current++;
    setState({ data, loading: false });
  }, []);
  useEffect(reload, [reload, ...deps]);
  return { ...state, reload, replace };
}

/** Re-renders every `intervalMs`, for countdowns. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

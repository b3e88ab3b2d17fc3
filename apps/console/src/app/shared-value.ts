import { useEffect, useState } from 'react';

/** A value one screen sets and others follow (the open case's region, the service chosen in the knowledge panel). */
export function sharedValue<T>() {
  let current: T | undefined;
  const listeners = new Set<(value: T | undefined) => void>();
  return {
    set(value: T | undefined): void {
      current = value;
      listeners.forEach((listener) => listener(value));
    },
    use(): T | undefined {
      const [value, setValue] = useState(current);
      useEffect(() => {
        listeners.add(setValue);
        return () => {
          listeners.delete(setValue);
        };
      }, []);
      return value;
    },
  };
}

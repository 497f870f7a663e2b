import { useSyncExternalStore } from 'react';

/**
 * One shared clock ticking whole seconds for every ticking cell on the page. Cells subscribe to
 * it themselves, so a tick redraws only the durations (500 small text nodes), not 500 whole rows.
 */
let nowSecond = Math.floor(Date.now() / 1000);
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    nowSecond = Math.floor(Date.now() / 1000);
    timer = setInterval(() => {
      const next = Math.floor(Date.now() / 1000);
      if (next === nowSecond) return;
      nowSecond = next;
      for (const l of listeners) l();
    }, 250);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const read = () => nowSecond;

/** The current time in whole seconds since the epoch; re-renders the caller once a second. */
export function useNowSecond(): number {
  return useSyncExternalStore(subscribe, read, read);
}

import type { EventsBus, StreamEvent } from '../../platform/events/events-bus';

/**
 * A long-poll on a queued item: answers as soon as its status differs from `knownStatus` (by
 * default the status at the first read), or at the end of `waitSeconds`. Re-reads when an event
 * that `concerns` the item is delivered on this replica (whichever replica made the change).
 */
export async function untilStatusChanges<T extends { status: string }>(
  bus: EventsBus,
  read: () => Promise<T>,
  options: { waitSeconds: number; knownStatus?: string; concerns: (e: StreamEvent) => boolean },
): Promise<T> {
  const first = await read();
  const baseline = options.knownStatus ?? first.status;
  if (options.waitSeconds <= 0 || first.status !== baseline) return first;
  const deadline = Date.now() + options.waitSeconds * 1000;
  let wake: () => void = () => undefined;
  const unsubscribe = bus.subscribe((e) => {
    if (options.concerns(e)) wake();
  });
  try {
    for (;;) {
      // Armed before the read, so a change between the read and the wait is not missed.
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const current = await read();
      const left = deadline - Date.now();
      if (current.status !== baseline || left <= 0) return current;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([woken, new Promise<void>((r) => (timer = setTimeout(r, left)))]);
      clearTimeout(timer);
    }
  } finally {
    unsubscribe();
  }
}

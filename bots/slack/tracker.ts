/**
 * Work a Slack handler goes on with after acking (Bolt answers Slack first). Tracked so shutdown and tests can wait
 * for it instead of sleeping.
 */
export function createTracker() {
  const running = new Set<Promise<unknown>>();
  let waiters: Array<() => void> = [];

  function settle() {
    if (running.size > 0) return;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  }

  return {
    /** Runs `work`, remembering it until it settles. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      const p = work();
      running.add(p);
      try {
        return await p;
      } finally {
        running.delete(p);
        settle();
      }
    },
    /** Resolves when nothing is in flight. */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
  };
}

export type Tracker = ReturnType<typeof createTracker>;

/**
 * Counts requests being answered, so work that can wait lets them go first: `quiet()` resolves once none has been in
 * flight for `settleMs` (a burst's requests arrive over a few milliseconds, and the gaps between them are not the end of
 * it), or after `maxWaitMs` at the latest (a steady stream of requests delays work, never starves it).
 */
export function createRequestGauge(maxWaitMs: number, settleMs = 10) {
  let inFlight = 0;
  let lastStart = 0;
  let settling: NodeJS.Timeout | undefined;
  let waiters: Array<() => void> = [];
  const settled = () => inFlight === 0 && performance.now() - lastStart >= settleMs;
  function wakeWhenSettled(): void {
    if (settling || waiters.length === 0) return;
    const quietFor = performance.now() - lastStart;
    settling = setTimeout(
      () => {
        settling = undefined;
        if (inFlight > 0) return; // the last request to finish schedules the next check
        if (!settled()) {
          wakeWhenSettled();
          return;
        }
        const woken = waiters;
        waiters = [];
        for (const w of woken) w();
      },
      Math.max(0, settleMs - quietFor),
    );
  }
  return {
    /** Counts one request until its response is closed. */
    count(res: { once(event: 'close', listener: () => void): unknown }): void {
      inFlight++;
      lastStart = performance.now();
      res.once('close', () => {
        inFlight--;
        if (inFlight === 0) wakeWhenSettled();
      });
    },
    /** Work waiting for quiet now. */
    waiting: () => waiters.length,
    quiet(): Promise<void> {
      if (settled()) return Promise.resolve();
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        // Given up waiting: out of the list too, or a steady stream of requests would grow it without end.
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== wake);
          resolve();
        }, maxWaitMs);
        waiters.push(wake);
        if (inFlight === 0) wakeWhenSettled();
      });
    },
  };
}

/**
 * At most `concurrency` pieces of work at once; the rest wait their turn in order. Work done after an ack goes through
 * one, so a burst of it (100 clicks) does not queue the next requests' acks behind hundreds of database queries.
 */
export function createLimiter(concurrency: number, ready: () => Promise<void> = async () => {}) {
  let free = concurrency;
  const waiting: Array<() => void> = [];
  return async function limited<T>(work: () => Promise<T>): Promise<T> {
    await ready();
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}

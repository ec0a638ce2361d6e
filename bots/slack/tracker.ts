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
 * At most `concurrency` pieces of work at once; the rest wait their turn in order. Work done after an ack goes through
 * one, so a burst of it (100 clicks) does not queue the next requests' acks behind hundreds of database queries.
 */
export function createLimiter(concurrency: number) {
  let free = concurrency;
  const waiting: Array<() => void> = [];
  return async function limited<T>(work: () => Promise<T>): Promise<T> {
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

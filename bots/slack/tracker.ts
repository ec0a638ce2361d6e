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

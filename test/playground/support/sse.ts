export interface StreamEvent {
  event: string;
  data: unknown;
}

/**
 * A minimal EventSource for tests: reads the playground's event stream over real HTTP and lets a test wait for the
 * first event matching a predicate (seen before or after the call).
 */
export async function openEventStream(url: string) {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`event stream answered ${res.status}`);
  const events: StreamEvent[] = [];
  let listeners: Array<() => void> = [];
  const decoder = new TextDecoder();
  let buffer = '';

  void (async () => {
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = frame.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (event) events.push({ event, data: data ? JSON.parse(data) : null });
          end = buffer.indexOf('\n\n');
        }
        for (const notify of listeners) notify();
      }
    } catch {
      // Aborted by close().
    }
  })();

  return {
    events,
    contentType: res.headers.get('content-type'),
    /** The first event that matches; rejects after `timeoutMs` so a missing event fails the test instead of hanging. */
    next(predicate: (e: StreamEvent) => boolean, timeoutMs = 15_000): Promise<StreamEvent> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (!found) return false;
          clearTimeout(timer);
          listeners = listeners.filter((l) => l !== listener);
          resolve(found);
          return true;
        };
        const listener = () => void check();
        const timer = setTimeout(() => {
          listeners = listeners.filter((l) => l !== listener);
          reject(new Error(`no matching event; saw: ${events.map((e) => e.event).join(', ') || 'nothing'}`));
        }, timeoutMs);
        if (!check()) listeners.push(listener);
      });
    },
    close() {
      controller.abort();
    },
  };
}

export type EventStream = Awaited<ReturnType<typeof openEventStream>>;

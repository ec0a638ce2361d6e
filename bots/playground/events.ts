import type { Request, Response } from 'express';

export type PlaygroundEvent =
  /** A message was stored (or the list of conversations changed). */
  | { type: 'message'; conversationId: string }
  /** The case card of a conversation changed. */
  | { type: 'card'; conversationId: string; card: unknown }
  /** Field definitions or settings changed. */
  | { type: 'admin'; what: 'fields' | 'settings' };

/** Comment lines keep proxies and browsers from timing an idle stream out. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events to every open playground page, so a second tab sees a change without reloading. In memory:
 * the playground is the single-process embedded mode.
 */
export function createEventHub() {
  const clients = new Set<Response>();
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    /** Holds the response open as an event stream until the page goes away. */
    subscribe(req: Request, res: Response) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        // Tells nginx-style proxies not to buffer the stream.
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      res.write(`event: ready\ndata: {}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
    },
    broadcast(event: PlaygroundEvent) {
      const frame = `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
      for (const res of clients) res.write(frame);
    },
    get size() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const res of clients) {
        res.end();
        // The stream's keep-alive socket would otherwise hold the server's close() open.
        res.socket?.destroy();
      }
      clients.clear();
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;

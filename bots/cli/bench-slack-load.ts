/**
 * The Slack bench's load generator, in a process of its own (forked by bench-slack.ts): preparing and sending 200
 * requests costs CPU, and on the server's event loop that cost would be counted as the server's ack latency. Even in
 * its own process a fetch per request costs ~2 ms of client CPU (the 200th would wait ~400 ms on its own client), so
 * requests are written as prepared bytes onto connections opened beforehand, one request each, and each is timed from
 * its write to the end of its answer.
 */
import { createHmac } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  body: string;
  contentType: string;
}

export interface LoadOrder {
  url: string;
  secret: string;
  requests: LoadRequest[];
}

export interface LoadResult {
  /** Milliseconds from sending to the whole HTTP answer, in the order of the requests. */
  samples: number[];
  statuses: number[];
}

function open(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, noDelay: true }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves with the status once one whole HTTP/1.1 answer has arrived on the socket. */
function answer(socket: Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let data = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const headEnd = data.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = data.subarray(0, headEnd).toString('latin1');
      const status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const body = data.subarray(headEnd + 4);
      const complete = length
        ? body.length >= Number(length[1])
        : /\r\ntransfer-encoding:\s*chunked/i.test(head)
          ? body.includes('0\r\n\r\n')
          : true;
      if (!complete) return;
      socket.off('data', onData);
      resolve(status);
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('close', () => reject(new Error('connection closed before the answer')));
  });
}

async function run({ url, secret, requests }: LoadOrder): Promise<LoadResult> {
  const { hostname, port, pathname, host } = new URL(url);
  const sockets = await Promise.all(requests.map(() => open(hostname, Number(port))));
  const ts = Math.floor(Date.now() / 1000);
  // Signed and laid out before the clock starts: only the server's answer is timed.
  const wire = requests.map((r) => {
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${r.body}`).digest('hex')}`;
    const body = Buffer.from(r.body);
    const head =
      `POST ${pathname} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: ${r.contentType}\r\n` +
      `content-length: ${body.length}\r\nx-slack-request-timestamp: ${ts}\r\nx-slack-signature: ${signature}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head, 'latin1'), body]);
  });
  const answers = await Promise.all(
    sockets.map((socket, i) => {
      const answered = answer(socket);
      const started = performance.now();
      socket.write(wire[i] as Buffer);
      return answered.then((status) => ({ elapsed: performance.now() - started, status }));
    }),
  );
  for (const socket of sockets) socket.destroy();
  return { samples: answers.map((a) => a.elapsed), statuses: answers.map((a) => a.status) };
}

process.once('message', (order: LoadOrder) => {
  run(order).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }, () => process.exit(1)),
  );
});

/** JSON over real HTTP to the playground API. */
export function playgroundClient(baseUrl: string) {
  async function call(method: string, path: string, body?: unknown, raw?: string) {
    const res = await fetch(`${baseUrl}/playground/api${path}`, {
      method,
      headers: body === undefined && raw === undefined ? {} : { 'Content-Type': 'application/json' },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: test helper; each test reads the fields it asserts on.
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = { unparsed: text };
    }
    return { status: res.status, body: json, text };
  }
  return {
    call,
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
    put: (path: string, body?: unknown) => call('PUT', path, body),
  };
}

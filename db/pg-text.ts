import type { CaseStore, ConversationTx } from '../core/ports.js';

/**
 * PostgreSQL text and jsonb cannot hold U+0000, and a query with one in a parameter fails as a whole. Platform payloads
 * are free to contain it, so a chat message, a name or a field label with a NUL byte would be refused forever (the
 * platform retrying a 500). It has no meaning in chat: it becomes U+FFFD, so ids that contain it stay distinct.
 */
export function pgSafe<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value) as T;
  if (Array.isArray(value)) return (value.some(hasNul) ? value.map(pgSafe) : value) as T;
  if (isPlainObject(value) && hasNul(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[pgSafe(k)] = pgSafe(v);
    return out as T;
  }
  return value;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (isPlainObject(value)) return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

type AnyFn = (...args: unknown[]) => unknown;

function safeTx(tx: ConversationTx): ConversationTx {
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const member = Reflect.get(target, prop, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => (member as AnyFn).apply(target, args.map(pgSafe));
    },
  });
}

/** The store with every argument made storable, including those of the transaction handed to `withConversation`. */
export function withPgSafeText(store: CaseStore): CaseStore {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, member] of Object.entries(store)) {
    if (typeof member !== 'function') {
      wrapped[name] = member;
    } else if (name === 'withConversation') {
      wrapped[name] = (tenantId: string, conversationId: string, work: (tx: ConversationTx) => Promise<unknown>) =>
        store.withConversation(pgSafe(tenantId), pgSafe(conversationId), (tx) => work(safeTx(tx)));
    } else {
      wrapped[name] = (...args: unknown[]) => (member as AnyFn).apply(wrapped, args.map(pgSafe));
    }
  }
  return wrapped as unknown as CaseStore;
}

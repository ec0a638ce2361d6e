/** Every string under `key` (default `text`) anywhere in a JSON tree. */
export function textsOf(node: unknown, key = 'text'): string[] {
  const out: string[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if (k === key && typeof v === 'string') out.push(v);
        else visit(v);
      }
    }
  };
  visit(node);
  return out;
}

/** The first object in a JSON tree whose `prop` equals `value`. */
export function findBy(node: unknown, prop: string, value: unknown): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const hit = findBy(n, prop, value);
      if (hit) return hit;
    }
  } else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o[prop] === value) return o;
    for (const v of Object.values(o)) {
      const hit = findBy(v, prop, value);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function allBy(node: unknown, prop: string, value: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o[prop] === value) out.push(o);
      Object.values(o).forEach(visit);
    }
  };
  visit(node);
  return out;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const PLATFORM_OR_DRIVER =
  /^(@slack\/|@microsoft\/|botbuilder|drizzle-orm|postgres$|pg$|pg-boss|@electric-sql\/|express|fastify)/;

describe('architecture boundaries (DESIGN.md)', () => {
  it('core imports no platform SDK and no database driver', () => {
    const offenders = sources(join(root, 'core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_OR_DRIVER.test(spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('only core/predict/ talks to the openai client', () => {
    const offenders = ['core', 'bots', 'cards', 'db'].flatMap((dir) =>
      sources(join(root, dir))
        .filter((file) => !relative(root, file).startsWith('core/predict/'))
        .flatMap((file) =>
          importsOf(file)
            .filter((spec) => spec === 'openai' || spec.startsWith('openai/'))
            .map((spec) => `${relative(root, file)} imports ${spec}`),
        ),
    );
    expect(offenders).toEqual([]);
  });

  it('cards render plain JSON: no platform SDK, no database', () => {
    const offenders = sources(join(root, 'cards')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_OR_DRIVER.test(spec) || spec.includes('/db/'))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the core does not reach into bots, db or cards', () => {
    const offenders = sources(join(root, 'core')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /\.\.\/(bots|db|cards)\//.test(spec))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});

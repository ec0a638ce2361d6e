import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { main } from '../../../bots/cli/eval.js';
import { completion, type FakeOpenAi, startFakeOpenAi } from './fake-openai.js';

let fake: FakeOpenAi;
let dir: string;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  dir = mkdtempSync(join(tmpdir(), 'autocase-eval-llm-'));
  mkdirSync(join(dir, 'fields'));
  copyFileSync(new URL('../../../core/default-fields.json', import.meta.url), join(dir, 'fields', 'default.json'));
  const expected = { title: 'Charged twice for March', category: 'Billing', email: 'maria.lopez84@example.com' };
  const conversation = {
    id: 'llm-001',
    fieldSet: 'default',
    referenceTime: '2026-03-10T14:05:00Z',
    escalation: null,
    messages: [
      { role: 'customer', author: 'Maria Lopez', text: 'I was charged twice for March.' },
      { role: 'agent', author: 'Priya', text: 'Sorry! What email is the account under?' },
      { role: 'customer', author: 'Maria Lopez', text: 'maria.lopez84@example.com' },
    ],
    acceptAfter: 1,
    expectedAtAccept: { title: 'Charged twice for March', category: 'Billing' },
    expectedAtEnd: expected,
  };
  writeFileSync(join(dir, 'data.jsonl'), `${JSON.stringify(conversation)}\n`);
});

afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('npm run eval -- --predictor llm scores the endpoint named by the environment', async () => {
  fake.otherwise(
    completion({
      fields: {
        title: { value: 'Charged twice for March', confidence: 0.9, evidence: [1] },
        category: { value: 'Billing', confidence: 0.9, evidence: [1] },
      },
    }),
  );
  const env = { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'sk-eval', AUTOCASE_LLM_MAX_RETRIES: '0' };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const printed: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.join(' '));
  });
  let code: number;
  try {
    code = await main(['--data', join(dir, 'data.jsonl'), '--predictor', 'llm', '--json']);
  } finally {
    log.mockRestore();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    fake.otherwise(null);
  }
  const output = printed.join('\n');
  expect(code).toBe(0);
  expect(fake.requests.length, `no request reached the endpoint; the eval printed:\n${output}`).toBeGreaterThan(0);
  for (const request of fake.requests) {
    expect(request.url).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-eval');
    // The address in the conversation never reached the endpoint.
    expect(request.raw).not.toContain('maria.lopez84@example.com');
  }
  expect(output).toContain('llm:gpt-4o-mini');
});

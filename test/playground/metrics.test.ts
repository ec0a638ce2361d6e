import { beforeAll, describe, expect, it } from 'vitest';
import { createInProcessQueue } from '../../bots/jobs/in-process.js';
import {
  createMetrics,
  instrumentAgent,
  instrumentJobs,
  instrumentPredictor,
  instrumentStore,
} from '../../bots/metrics.js';
import type { CaseStore } from '../../core/ports.js';
import type { Predictor } from '../../core/predict/port.js';
import { testStore } from '../support/db.js';
import { newConversation, newTenant } from '../support/fixtures.js';

let store: CaseStore;
beforeAll(async () => {
  store = (await testStore()).store;
});

async function sample(metrics: ReturnType<typeof createMetrics>, name: string, labels: Record<string, string> = {}) {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const found = (metric?.values ?? []).find((v) =>
    Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value),
  );
  return found?.value ?? 0;
}

describe('metrics decorators', () => {
  it('count predictions by outcome: ok, fallback and failed, and pass results and errors through', async () => {
    const metrics = createMetrics();
    let mode: 'ok' | 'fallback' | 'fail' = 'ok';
    const inner: Predictor = {
      name: 'test',
      async predict() {
        if (mode === 'fail') throw new Error('endpoint down');
        return {
          fields: {},
          predictor: 'test',
          ...(mode === 'fallback' ? { fallback: { from: 'llm', reason: 'timeout' } } : {}),
        };
      },
    };
    const predictor = instrumentPredictor(inner, metrics);
    const input = { fields: [], messages: [], escalation: null, current: null, now: new Date(), phoneRegion: 'US' };

    expect(await predictor.predict(input)).toEqual({ fields: {}, predictor: 'test' });
    mode = 'fallback';
    await predictor.predict(input);
    mode = 'fail';
    await expect(predictor.predict(input)).rejects.toThrow('endpoint down');

    expect(predictor.name).toBe('test');
    for (const outcome of ['ok', 'fallback', 'failed']) {
      expect(await sample(metrics, 'autocase_predictions_total', { outcome })).toBe(1);
    }
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^autocase_prediction_duration_seconds_count\{outcome="failed"\} 1$/m);
  });

  it('count a case only once its transaction committed', async () => {
    const metrics = createMetrics();
    const counted = instrumentStore(store, metrics);
    const tenantId = await newTenant(store);
    const rolledBack = await newConversation(store, tenantId);
    await expect(
      counted.withConversation(tenantId, rolledBack.id, async (tx) => {
        await tx.createCase([], 'U1');
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await store.getCase(tenantId, rolledBack.id)).toBeNull();
    expect(await sample(metrics, 'autocase_cases_created_total')).toBe(0);

    const committed = await newConversation(store, tenantId);
    await counted.withConversation(tenantId, committed.id, (tx) => tx.createCase([], 'U1'));
    expect(await sample(metrics, 'autocase_cases_created_total')).toBe(1);

    // A redelivered "new thread" returns the existing conversation: not counted twice.
    const input = { platform: 'playground' as const, channelId: 'c', threadRef: `t-${committed.id}` };
    await counted.openConversation(tenantId, input);
    await counted.openConversation(tenantId, input);
    expect(await sample(metrics, 'autocase_conversations_opened_total', { platform: 'playground' })).toBe(1);
  });

  it('time agent decisions by outcome and count job attempts', async () => {
    const metrics = createMetrics();
    const agent = instrumentAgent(
      {
        async accept() {
          return 'accepted';
        },
        async end() {
          throw new Error('refused');
        },
      },
      metrics,
    );
    expect(await agent.accept()).toBe('accepted');
    await expect(agent.end()).rejects.toThrow('refused');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^autocase_action_duration_seconds_count\{action="accept",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^autocase_action_duration_seconds_count\{action="end",outcome="error"\} 1$/m);

    const jobs = instrumentJobs(createInProcessQueue({ retryDelayMs: 1 }), metrics);
    let attempts = 0;
    await jobs.work('flaky', async () => {
      attempts++;
      if (attempts === 1) throw new Error('first attempt fails');
    });
    await jobs.send('flaky', {});
    await jobs.drain();
    await jobs.stop();
    expect(await sample(metrics, 'autocase_jobs_queued_total', { job: 'flaky' })).toBe(1);
    expect(await sample(metrics, 'autocase_jobs_run_total', { job: 'flaky', outcome: 'failed' })).toBe(1);
    expect(await sample(metrics, 'autocase_jobs_run_total', { job: 'flaky', outcome: 'ok' })).toBe(1);
  });
});

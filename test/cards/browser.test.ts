import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAdaptiveCard } from '../../cards/adaptive/index.js';
import { hostileView, STATES } from './fixtures.js';
import { type CardBrowser, CHROMIUM, chromiumAvailable, openCardBrowser } from './support/browser.js';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

describe('Adaptive Card in headless Chromium (official adaptivecards renderer)', () => {
  let browser: CardBrowser;

  beforeAll(async () => {
    // A missing browser is a broken environment, not a reason to skip: fail with the fix.
    if (!chromiumAvailable()) {
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await openCardBrowser();
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the banner and highlighted fields, and Update raises Action.Execute with its verb and data', async () => {
    const { page } = browser;
    await browser.render(renderAdaptiveCard(STATES.updated));
    await page.locator('#card').screenshot({ path: join(ARTIFACTS, 'card-teams-updated.png') });

    await expect
      .poll(() => page.locator('#banner-ai-updated').textContent())
      .toContain('Updated using AI: Priority, Product');
    for (const key of ['priority', 'product']) {
      const field = page.locator(`#field-${key}`);
      expect(await field.isVisible()).toBe(true);
      expect(await page.locator(`#field-${key}-changed`).textContent()).toContain('Changed by AI');
    }
    expect(await page.locator('#field-priority-changed').textContent()).toContain('was: Normal');
    // Highlighted = the accent container colour from the host config; unchanged fields stay white.
    const background = (id: string) =>
      page.locator(`#${id}`).evaluate((el) => getComputedStyle(el as HTMLElement).backgroundColor);
    expect(await background('field-priority')).toBe('rgb(232, 235, 250)');
    expect(await background('banner-ai-updated')).toBe('rgb(232, 235, 250)');
    expect(await background('field-email')).not.toBe('rgb(232, 235, 250)');
    expect(await page.locator('#field-priority-low-confidence').textContent()).toContain('Low confidence');

    // Evidence is hidden until "Why?" is pressed.
    expect(await page.locator('#evidence-title').isVisible()).toBe(false);
    await page.locator('#why-title').click();
    expect(await page.locator('#evidence-title').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Update from conversation' }).click();
    const executed = (
      await page.evaluate(() => (window as unknown as { executed: { type: string }[] }).executed)
    ).filter((a) => a.type === 'Action.Execute');
    expect(executed).toEqual([
      expect.objectContaining({ type: 'Action.Execute', verb: 'autocase.update', data: { conversationId: 'conv-1' } }),
    ]);
  });

  it('edit mode: Save sends the typed inputs as field.<key>', async () => {
    const { page } = browser;
    await browser.render(renderAdaptiveCard(STATES.updated, { mode: 'edit' }));
    await page.locator('#card').screenshot({ path: join(ARTIFACTS, 'card-teams-edit.png') });
    await page.getByLabel('Order number').fill('A-2000');
    await page.getByRole('button', { name: 'Save' }).click();
    const executed = (await page.evaluate(() => (window as unknown as { executed: unknown[] }).executed)) as {
      verb: string;
      data: Record<string, unknown>;
    }[];
    const save = executed.at(-1)!;
    expect(save.verb).toBe('autocase.save');
    expect(save.data).toMatchObject({
      conversationId: 'conv-1',
      'field.orderNumber': 'A-2000',
      'field.category': 'Billing',
      'field.dueDate': '2026-12-05',
      'field.refundRequested': 'true',
    });
  });

  it('a hostile customer message renders as literal text: no link, no formatting', async () => {
    const { page } = browser;
    await browser.render(renderAdaptiveCard(hostileView()));
    await page.locator('#card').screenshot({ path: join(ARTIFACTS, 'card-teams-hostile.png') });
    expect(await page.locator('#card a').count()).toBe(0);
    expect(await page.locator('#card strong, #card em').count()).toBe(0);
    expect(await page.locator('#field-title-value').textContent()).toContain('[click](http://evil.example) **bold**');
  });
});

/**
 * Regenerates the README screenshots in docs/: every card state as Teams renders it (official adaptivecards renderer
 * in headless Chromium) and as Slack would (Block Kit drawn as simple HTML). Run: `npx tsx test/cards/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderAdaptiveCard } from '../../cards/adaptive/index.js';
import { renderBlockKit, renderEditModal } from '../../cards/blockkit/index.js';
import { STATES, type StateName } from './fixtures.js';
import { openCardBrowser } from './support/browser.js';
import { messageHtml, modalHtml } from './support/slack-html.js';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');
const SHOTS: StateName[] = [
  'intake-escalated',
  'not-enough-context',
  'filling',
  'updated',
  'no-change',
  'error',
  'wrap-up',
  'closed',
];
const fileName = (name: string) => (name === 'intake-escalated' ? 'intake' : name);

mkdirSync(DOCS, { recursive: true });
const browser = await openCardBrowser();
try {
  const { page } = browser;
  for (const name of SHOTS) {
    await browser.render(renderAdaptiveCard(STATES[name]));
    await page.locator('#card').screenshot({ path: join(DOCS, `card-teams-${fileName(name)}.png`) });
  }
  await browser.render(
    renderAdaptiveCard(STATES.updated, { mode: 'edit', errors: { email: '"sam@" is not an email address' } }),
  );
  await page.locator('#card').screenshot({ path: join(DOCS, 'card-teams-edit.png') });

  for (const name of SHOTS) {
    await page.setContent(messageHtml(renderBlockKit(STATES[name]) as never));
    await page.locator('#shot').screenshot({ path: join(DOCS, `card-slack-${fileName(name)}.png`) });
  }
  await page.setContent(modalHtml(renderEditModal(STATES.updated) as never));
  await page.locator('#shot').screenshot({ path: join(DOCS, 'card-slack-edit.png') });
} finally {
  await browser.close();
}
console.log(`screenshots written to ${DOCS}`);

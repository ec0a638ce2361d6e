/**
 * Renders Adaptive Cards with the official `adaptivecards` JS renderer in headless Debian Chromium (playwright-core,
 * never a downloaded browser). A local node:http server on 127.0.0.1 serves the page and the library bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

const require = createRequire(import.meta.url);
const LIBRARY = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');

/** Teams-like look: Segoe-ish font, light container styles, so screenshots resemble the client. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Liberation Sans', 'DejaVu Sans', 'Noto Color Emoji', sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#4F52B2', subtle: '#6264A7' },
        good: { default: '#237B4B', subtle: '#237B4B' },
        warning: { default: '#8A5A00', subtle: '#8A5A00' },
        attention: { default: '#C4314B', subtle: '#C4314B' },
      },
    },
    emphasis: { backgroundColor: '#F5F5F5' },
    accent: { backgroundColor: '#E8EBFA' },
    good: { backgroundColor: '#E7F2DA' },
    warning: { backgroundColor: '#FBF6D9' },
    attention: { backgroundColor: '#FCF4F6' },
  },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left' },
};

/**
 * A small Markdown step standing in for the host's: backslash escapes, **bold**, _italic_ and [links](…). It makes
 * escaped text look right in screenshots and lets the test prove that escaped input produces no link.
 */
const MARKDOWN = String.raw`
function miniMarkdown(text) {
  const html = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const kept = [];
  let out = text.replace(/\\([\\\x60*_{}\[\]()#+\-.!<>|~])/g, (_, c) => { kept.push(c); return '\u0000' + (kept.length - 1) + '\u0000'; });
  out = html(out);
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|\s)_([^_]+)_/g, '$1<em>$2</em>');
  out = out.replace(/\u0000(\d+)\u0000/g, (_, i) => html(kept[Number(i)]));
  return out;
}`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>autocase card</title>
<style>
  body { margin: 0; padding: 16px; background: #EBEBEB; font-family: 'Segoe UI', 'Liberation Sans', sans-serif; }
  #card { width: 640px; background: #fff; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); overflow: hidden; }
  .ac-pushButton { border: 1px solid #D1D1D1; background: #fff; border-radius: 4px; padding: 5px 12px; font: 600 13px 'Segoe UI', 'Liberation Sans', sans-serif; cursor: pointer; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #fff; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; }
  .ac-input { font: 13px 'Liberation Sans', sans-serif; }
</style>
<script src="/adaptivecards.min.js"></script>
<script>
${MARKDOWN}
window.executed = [];
window.renderCard = (json) => {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(HOST_CONFIG)});
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => { result.outputHtml = miniMarkdown(text); result.didProcess = true; };
  card.onExecuteAction = (action) => {
    window.executed.push({ type: action.getJsonTypeName(), verb: action.verb, data: action.data, title: action.title });
  };
  card.parse(json);
  const host = document.getElementById('card');
  host.innerHTML = '';
  host.appendChild(card.render());
};
</script></head><body><div id="card"></div></body></html>`;

export interface CardBrowser {
  page: Page;
  render(card: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Start the local server and Chromium; `render` replaces the card on the page. */
export async function openCardBrowser(): Promise<CardBrowser> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/adaptivecards.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(LIBRARY);
    } else if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 700, height: 600 }, deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(
      () => typeof (window as unknown as { AdaptiveCards?: unknown }).AdaptiveCards === 'object',
    );
    const opened = browser;
    return {
      page,
      render: async (card) => {
        await page.evaluate((json) => (window as unknown as { renderCard(j: unknown): void }).renderCard(json), card);
      },
      close: async () => {
        await opened.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}

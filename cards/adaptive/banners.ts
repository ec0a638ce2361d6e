import type { Banner } from '../../core/view.js';
import { bannerText, bannerTone } from '../text.js';
import { type AcElement, container, textBlock, toneColor, toneStyle } from './elements.js';
import { escapeTruncated } from './escape.js';

/** One coloured strip per banner: "Updated using AI: …", no-change, not enough context, filling, fallback, error. */
export function renderBanners(banners: Banner[]): AcElement[] {
  const seen = new Map<string, number>();
  return banners.map((banner) => {
    // Ids must be unique in a card; the first banner of a kind keeps the plain id the tests and hosts look for.
    const n = seen.get(banner.kind) ?? 0;
    seen.set(banner.kind, n + 1);
    const id = n === 0 ? `banner-${banner.kind}` : `banner-${banner.kind}-${n}`;
    const tone = bannerTone(banner);
    return container(
      [
        textBlock(escapeTruncated(bannerText(banner), 1000), {
          weight: 'bolder',
          color: toneColor(tone),
        }),
      ],
      { id, style: toneStyle(tone), spacing: 'small' },
    );
  });
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { COMMAND_WORDS } from '../../bots/teams/admin.js';
import {
  buildManifest,
  buildTeamsPackage,
  MANIFEST_DIR,
  pngSize,
  readManifestTemplate,
  validateManifest,
} from '../../bots/teams/manifest.js';

const BOT_ID = '3f1c2a9e-8b7d-4c6e-9a5f-1b2c3d4e5f60';

/** RGBA pixels of one of our PNGs (8-bit RGBA, filter 0 rows, as the icon encoder writes them). */
function pixels(png: Buffer): { width: number; data: Buffer } {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length; ) {
    const length = png.readUInt32BE(i);
    if (png.toString('ascii', i + 4, i + 8) === 'IDAT') idat.push(png.subarray(i + 8, i + 8 + length));
    i += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    raw.copy(data, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, data };
}

describe('Teams app manifest', () => {
  it('validates against the published schema of its version (offline, from @microsoft/app-manifest)', () => {
    const template = readManifestTemplate();
    expect(Number(template.manifestVersion)).toBeGreaterThanOrEqual(1.19);
    expect(validateManifest(template)).toEqual([]);
    expect(validateManifest(buildManifest(template, { CLIENT_ID: BOT_ID }))).toEqual([]);
  });

  it('has a validator that catches a broken manifest', () => {
    const broken = { ...readManifestTemplate(), accentColor: 'purple' } as Record<string, unknown>;
    delete broken.name;
    const errors = validateManifest(broken);
    expect(errors.join('\n')).toMatch(/name/);
    expect(errors.join('\n')).toMatch(/accentColor/);
  });

  it('declares the bot for teams and personal chat, lists the admin commands, and can read channel posts', () => {
    const manifest = readManifestTemplate() as {
      bots: Array<{ scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
      authorization: { permissions: { resourceSpecific: Array<{ name: string }> } };
    };
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(expect.arrayContaining(['team', 'personal']));
    const titles = bot.commandLists.flatMap((l) => l.commands.map((c) => c.title));
    expect(titles).toEqual(['help', 'fields', 'fields edit', 'settings', 'agents', 'simulate']);
    // Every listed command is one the bot answers to.
    for (const title of titles) expect(COMMAND_WORDS.has(title.split(' ')[0]!)).toBe(true);
    // Without this resource-specific permission Teams only delivers posts that @mention the bot.
    expect(manifest.authorization.permissions.resourceSpecific.map((p) => p.name)).toContain(
      'ChannelMessage.Read.Group',
    );
  });

  it('ships a 192×192 colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = readFileSync(join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(join(MANIFEST_DIR, 'outline.png'));
    expect(pngSize(color)).toEqual({ width: 192, height: 192 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });

    const { data } = pixels(outline);
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent++;
      else expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    expect(transparent).toBeLessThan(32 * 32);
  });

  it('packages manifest and icons with the bot id from CLIENT_ID and the public host as valid domain', () => {
    const { zip } = buildTeamsPackage({ CLIENT_ID: BOT_ID, AUTOCASE_PUBLIC_URL: 'https://support.example.org/x' });
    const entries = new AdmZip(zip).getEntries();
    expect(entries.map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(
      entries
        .find((e) => e.entryName === 'manifest.json')!
        .getData()
        .toString('utf8'),
    );
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.webApplicationInfo.id).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['support.example.org']);
    expect(manifest.developer.websiteUrl).toBe('https://support.example.org');
    expect(validateManifest(manifest)).toEqual([]);
  });

  it('refuses to package without a valid bot id or with a non-https public URL', () => {
    expect(() => buildTeamsPackage({})).toThrow(/CLIENT_ID is not set/);
    expect(() => buildTeamsPackage({ CLIENT_ID: 'my-bot' })).toThrow(/GUID/);
    expect(() => buildTeamsPackage({ CLIENT_ID: BOT_ID, AUTOCASE_PUBLIC_URL: 'http://insecure.example' })).toThrow(
      /https/,
    );
  });
});

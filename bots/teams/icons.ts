import { deflateSync } from 'node:zlib';

/**
 * The Teams app icons, drawn in code so they can be regenerated without an image editor: a 192×192 full-colour icon
 * and a 32×32 outline icon (white on transparent, as Teams requires). `npm run package:teams -- --icons` rewrites them.
 */

type Rgba = [number, number, number, number];

const ACCENT: Rgba = [79, 70, 229, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** A square RGBA canvas; `paint` returns a coverage in [0,1] per pixel centre (cheap anti-aliasing by supersampling). */
function draw(
  size: number,
  background: Rgba | null,
  shapes: Array<{ color: Rgba; inside: (x: number, y: number) => boolean }>,
) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = background ? background.map((c) => c / 255) : [0, 0, 0, 0];
      for (const shape of shapes) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (shape.inside((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)) hits++;
          }
        }
        const cover = hits / (samples * samples);
        if (cover === 0) continue;
        const [sr, sg, sb] = shape.color.map((c) => c / 255) as Rgba;
        const outA = cover + a! * (1 - cover);
        r = (sr * cover + r! * a! * (1 - cover)) / outA;
        g = (sg * cover + g! * a! * (1 - cover)) / outA;
        b = (sb * cover + b! * a! * (1 - cover)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      pixels[i] = Math.round(r! * 255);
      pixels[i + 1] = Math.round(g! * 255);
      pixels[i + 2] = Math.round(b! * 255);
      pixels[i + 3] = Math.round(a! * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, radius: number) =>
  (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };

const ring =
  (outer: (x: number, y: number) => boolean, inner: (x: number, y: number) => boolean) =>
  (x: number, y: number): boolean =>
    outer(x, y) && !inner(x, y);

/** A thick polyline (the check mark). */
const stroke =
  (points: Array<[number, number]>, width: number) =>
  (x: number, y: number): boolean => {
    for (let i = 0; i < points.length - 1; i++) {
      const [ax, ay] = points[i]!;
      const [bx, by] = points[i + 1]!;
      const t = Math.max(
        0,
        Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
      );
      if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2) return true;
    }
    return false;
  };

/** A case folder: a briefcase body with a handle, and a check mark on it. */
function caseShapes(stroke1: number) {
  const body = roundedRect(0.14, 0.3, 0.86, 0.82, 0.08);
  const handle = ring(
    roundedRect(0.36, 0.16, 0.64, 0.36, 0.06),
    roundedRect(0.36 + stroke1, 0.16 + stroke1, 0.64 - stroke1, 0.4, 0.03),
  );
  const check = stroke(
    [
      [0.34, 0.56],
      [0.46, 0.68],
      [0.68, 0.44],
    ],
    0.08,
  );
  return { body, handle, check };
}

export function colorIcon(): Buffer {
  const { body, handle, check } = caseShapes(0.06);
  return draw(192, ACCENT, [
    { color: WHITE, inside: handle },
    { color: WHITE, inside: body },
    { color: ACCENT, inside: check },
  ]);
}

/** White outline on transparent: the body as a ring so the check mark reads at 32 px. */
export function outlineIcon(): Buffer {
  const { handle, check } = caseShapes(0.09);
  const bodyRing = ring(roundedRect(0.08, 0.3, 0.92, 0.86, 0.1), roundedRect(0.17, 0.39, 0.83, 0.77, 0.04));
  return draw(32, null, [
    { color: WHITE, inside: handle },
    { color: WHITE, inside: bodyRing },
    { color: WHITE, inside: check },
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter 0 on every row. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

import sharp from 'sharp';

/**
 * The seed-000 pipeline's seven operations, as the image handler receives them (the seed's own
 * Parameters) and as bare sharp does them on a buffer: no S3, no event validation, no header
 * check, no safe-decode options.
 */
export const SEED_OPERATIONS = [
  { state: 'Convert jpg image', event: { action: 'convert', type: 'jpg' } },
  { state: 'Convert png image', event: { action: 'convert', type: 'png' } },
  { state: 'Create medium icon', event: { action: 'icon', icon: { diameter: '200', bgcolor: 'f0ff' } } },
  { state: 'Create large icon', event: { action: 'icon', icon: { diameter: '300', bgcolor: 'f0ff' } } },
  { state: 'Create medium thumbnail', event: { action: 'thumbnail', thumbnail: { width: '960', height: '540', bgcolor: 'f0ff' } } },
  { state: 'Create large thumbnail', event: { action: 'thumbnail', thumbnail: { width: '1440', height: '810', bgcolor: 'f0ff' } } },
  { state: 'Create small thumbnail', event: { action: 'thumbnail', thumbnail: { width: '480', height: '270', bgcolor: 'f0ff' } } },
] as const;

const MAGENTA = { r: 255, g: 0, b: 255, alpha: 1 };

function disc(diameter: number): Buffer {
  const mask = Buffer.alloc(diameter * diameter * 4);
  const r = diameter / 2;
  for (let y = 0; y < diameter; y++) {
    for (let x = 0; x < diameter; x++) mask[(y * diameter + x) * 4 + 3] = Math.hypot(x + 0.5 - r, y + 0.5 - r) <= r ? 255 : 0;
  }
  return mask;
}

/** The same operation with plain sharp calls, from and to memory. */
export async function bareSharp(bytes: Buffer, event: (typeof SEED_OPERATIONS)[number]['event']): Promise<Buffer> {
  switch (event.action) {
    case 'convert':
      return event.type === 'jpg' ? sharp(bytes).jpeg({ quality: 90, mozjpeg: true }).toBuffer() : sharp(bytes).png().toBuffer();
    case 'icon': {
      const d = Number(event.icon.diameter);
      const raw = { width: d, height: d, channels: 4 } as const;
      const round = await sharp(bytes)
        .resize(d, d, { fit: 'cover' })
        .ensureAlpha()
        .composite([{ input: disc(d), raw, blend: 'dest-in' }])
        .raw()
        .toBuffer();
      return sharp({ create: { ...raw, background: MAGENTA } }).composite([{ input: round, raw }]).png().toBuffer();
    }
    case 'thumbnail': {
      const { width, height } = event.thumbnail;
      return sharp(bytes).resize(Number(width), Number(height), { fit: 'contain', background: MAGENTA }).jpeg({ quality: 90, mozjpeg: true }).toBuffer();
    }
  }
}

/** A 12-megapixel (4000×3000) photo-like JPEG: a gradient with grain, about as compressible as a photo. */
export async function twelveMegapixelJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      gradient[at] = (x * 255) / width;
      gradient[at + 1] = (y * 255) / height;
      gradient[at + 2] = ((x + y) * 127) / (width + height);
    }
  }
  const grain = await sharp({ create: { width, height, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 0, sigma: 6 } } })
    .raw()
    .toBuffer();
  return sharp(gradient, { raw: { width, height, channels: 3 } })
    .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'add' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

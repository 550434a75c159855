/**
 * An RGBA mask of a disc filling a `diameter`-pixel square: alpha is the share of each pixel
 * inside the circle (an anti-aliased edge), colour channels are unused. Composited with
 * `blend: 'dest-in'` it cuts an image to a circle; drawn in JS because the SVG decoder is blocked.
 */
export function circleMask(diameter: number): Buffer {
  const mask = Buffer.alloc(diameter * diameter * 4);
  const radius = diameter / 2;
  for (let y = 0; y < diameter; y++) {
    for (let x = 0; x < diameter; x++) {
      const distance = Math.hypot(x + 0.5 - radius, y + 0.5 - radius);
      const coverage = Math.min(1, Math.max(0, radius - distance + 0.5));
      mask[(y * diameter + x) * 4 + 3] = Math.round(coverage * 255);
    }
  }
  return mask;
}

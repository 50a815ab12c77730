/**
 * The QR encoder, in the QR chunk with its element: the script-tag bundle loads it (dist/lazy/qr.js) only
 * when a backend asks for a QR code, so desktop-only code costs phones nothing.
 */
import { encode } from 'uqr';

export interface QrShape {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** One SVG path of the dark modules in module units, each horizontal run one rectangle. */
  path: string;
}

/** Error correction M: a payment link stays short, and M survives a smudged or glossy screen. */
export function qrShape(content: string): QrShape {
  const { data, size } = encode(content, { ecc: 'M', border: 0 });
  let path = '';
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    for (let x = 0; x < size; ) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { size, path };
}

// A screenshot made ready for OCR: in grey (white text on a red bar, a red figure on a dark card
// stay readable), inverted if asked, and enlarged when small. Done by resvg — already the project's renderer — on libuv's thread pool
// (renderAsync), so the bot's own thread is not held up. Loaded with the first screenshot, like the OCR.

/** Width and height of a PNG or JPEG, from its header; null for anything else. */
export function imageSize(b: Buffer): { width: number; height: number } | null {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length;) {
      if (b[i] !== 0xff) { i++; continue }
      const marker = b[i + 1]!
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue }
      const len = b.readUInt16BE(i + 2)
      // SOF0..SOF15 but DHT (c4), JPG (c8), DAC (cc)
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) }
      i += 2 + len
    }
  }
  return null
}

/**
 * The image in grey (tesseract thresholds each colour channel apart, which turns a coloured bar into
 * one black blob and drops its text), inverted when asked, at least `minWidth` wide; null when it
 * cannot be decoded.
 */
export async function greyImage(image: Buffer, o: { invert?: boolean; minWidth?: number } = {}): Promise<Buffer | null> {
  const minWidth = o.minWidth ?? 1080
  const [r, g, b] = [0.2126, 0.7152, 0.0722].map((k) => (o.invert ? -k : k))
  const row = `${r} ${g} ${b} 0 ${o.invert ? 1 : 0}`
  const size = imageSize(image)
  if (!size || !size.width || !size.height || size.width * size.height > 40e6) return null
  const mime = image[0] === 0xff ? 'image/jpeg' : 'image/png'
  const { width: w, height: h } = size
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<filter id="i" color-interpolation-filters="sRGB"><feColorMatrix type="matrix" values="${row} ${row} ${row} 0 0 0 1 0"/></filter>` +
    `<rect width="${w}" height="${h}" fill="${o.invert ? '#000' : '#fff'}"/>` +
    `<image width="${w}" height="${h}" filter="url(#i)" href="data:${mime};base64,${image.toString('base64')}"/></svg>`
  try {
    const { renderAsync } = await import('@resvg/resvg-js')
    const out = await renderAsync(svg, { fitTo: { mode: 'width', value: Math.max(w, Math.min(minWidth, w * 2)) }, font: { loadSystemFonts: false } })
    return Buffer.from(out.asPng())
  } catch {
    return null
  }
}

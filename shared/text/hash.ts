/**
 * The one string hash: cyrb53's two mixed 32-bit halves. The faithful save's fingerprints (stored
 * in .wgd files: never change the arithmetic) take 53 bits of it; the corpus builder's line counts
 * take all 64.
 */
export function hashHalves(text: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** 53-bit string hash (cyrb53), as 14 hex digits. */
export function hashText(text: string): string {
  const [h1, h2] = hashHalves(text);
  return (4294967296 * (2097151 & h2) + h1).toString(16).padStart(14, '0');
}

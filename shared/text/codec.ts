/**
 * The WHATWG TextDecoder, which Node and browsers both provide. shared/ sees neither
 * the DOM lib nor Node's types (and declaring the globals here would clash with theirs in the
 * projects that include both), so the little it uses is typed locally.
 */
export interface TextDecoderLike {
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface Globals {
  TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;
  TextEncoder: new () => { encode(input: string): Uint8Array };
}

const globals = globalThis as unknown as Globals;

export function textDecoder(label: string, options: { fatal?: boolean; ignoreBOM?: boolean } = {}): TextDecoderLike {
  return new globals.TextDecoder(label, options);
}

/** The UTF-8 bytes of a string (the WHATWG TextEncoder). */
export function encodeUtf8(text: string): Uint8Array {
  return new globals.TextEncoder().encode(text);
}

/** Strict UTF-8: null when the bytes are not valid UTF-8. Keeps a leading BOM as U+FEFF. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return textDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

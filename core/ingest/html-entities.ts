/** Decoding of HTML character references, by the `entities` library (the WHATWG list of named references). */

import { createRequire } from 'node:module';

// Loaded at the first reference met: the library builds its table of named references when loaded, which start-up
// (and text without any "&") should not wait for. Only its decoder: the encoder's tables are not needed.
const load = createRequire(import.meta.url);
let decoder: typeof import('entities/decode') | null = null;

const REFERENCE = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
// Spaces of other widths read as ordinary spaces, invisible joiners and soft hyphens as nothing.
const AS_SPACE = /^[\u00a0\u2002\u2003\u2009]$/;
const AS_NOTHING = /^[\u00ad\u200c\u200d]$/;

/**
 * Decodes named and numeric character references that end with a semicolon, one at a time, so "&amp;lt;" stays
 * "&lt;" and a bare "AT&T" is left alone. A no-break space (as "&nbsp;" or "&#160;") becomes an ordinary space.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  decoder ??= load('entities/decode') as typeof import('entities/decode');
  const { decodeHTMLStrict } = decoder;
  return text.replace(REFERENCE, (reference) => {
    const decoded = decodeHTMLStrict(reference);
    if (AS_SPACE.test(decoded)) return ' ';
    return AS_NOTHING.test(decoded) ? '' : decoded;
  });
}

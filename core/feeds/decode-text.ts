import { FetchError } from './fetch-error.ts';

/** The encoding an XML declaration or an HTML meta tag names in the first bytes, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml?.[1]) return xml[1].toLowerCase();
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes a fetched body to text: a byte-order mark wins, then the Content-Type charset, then the document's
 * own declaration, else UTF-8. Bytes that are not valid in the chosen charset and unknown charsets are errors,
 * so mis-declared text is reported instead of stored garbled.
 */
export function decodeText(bytes: Uint8Array, headerCharset: string | null, what: string): string {
  let charset = headerCharset ?? declaredCharset(bytes) ?? 'utf-8';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) charset = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) charset = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) charset = 'utf-16be';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new FetchError('bad_charset', `${what}: unknown charset "${charset}".`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new FetchError('bad_charset', `${what}: the text is not valid ${charset}.`);
  }
}

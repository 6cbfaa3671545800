/**
 * Lower case with diacritics removed ("Erdoğan" → "erdogan", "Vučić" → "vucic", "Türkiye" → "turkiye"): outlets
 * spell foreign names with and without them, and users type them without. Keeps the string's length for the
 * Latin letters news names use, so offsets found in the folded text hold in the original.
 */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  // Pure ASCII needs no decomposition (the common case, and the hot path).
  if (isAscii(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd');
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * The key a folded surname is compared under, so that spellings of one name meet: a hyphenated name by its last
 * part ("amir-abdollahian" and "abdollahian" of "Amir Abdollahian"), and the Slavic ending transliterated -iy, -yy
 * or -ij as -y ("zelenskiy", "zelenskyy", "zelensky").
 */
export function surnameKey(folded: string): string {
  const last =
    folded
      .split('-')
      .filter((p) => p.length > 1)
      .at(-1) ?? folded;
  return last.replace(/(?:iy|yy|ij)$/, 'y');
}

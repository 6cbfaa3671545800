/**
 * The writing system of a page. An English article saved from a site in another language keeps that site's
 * interface text ("Этот веб-сайт использует файлы cookie …") on lines of their own, in another script.
 */

const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hangul', 'Devanagari', 'Thai', 'Armenian'];
const PATTERNS = new Map(SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, 'gu')]));
const LETTER = /\p{L}/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/** The script most of the page's letters are written in, or null for a page without letters. */
export function dominantScript(lines: readonly string[]): string | null {
  const text = lines.join('\n');
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, pattern] of PATTERNS) {
    const n = count(text, pattern);
    if (n > bestCount) [best, bestCount] = [name, n];
  }
  return best;
}

/** True when fewer than half of the line's letters (at least three of them) are in the page's script. */
export function isForeignScript(line: string, script: string | null): boolean {
  const pattern = script ? PATTERNS.get(script) : undefined;
  if (!pattern) return false;
  const letters = count(line, LETTER);
  return letters >= 3 && count(line, pattern) * 2 < letters;
}

/** Whitespace-insensitive comparison and quotation-mark spans: the primitives of the grounding rules. */

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether `needle` occurs in `haystack`, whitespace aside (both collapsed). An empty needle never occurs. */
export function containsVerbatim(haystack: string, needle: string): boolean {
  const wanted = collapseWhitespace(needle);
  return wanted !== '' && collapseWhitespace(haystack).includes(wanted);
}

const DOUBLE_QUOTES = new Set(['"', '“', '”']);

/**
 * The spans of `text` inside double quotation marks ("…" or “…”), trimmed, empty ones skipped.
 * Marks pair in order: a mark opens unless one is open, then it closes, so the sloppy
 * “…“ of some sources still pairs. A stray ” with nothing open is ignored, and a quotation
 * left open runs to the end of the text (a quote that continues into the next paragraph).
 */
export function quotedSpans(text: string): string[] {
  const spans: string[] = [];
  let openAt = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (!DOUBLE_QUOTES.has(ch)) continue;
    if (openAt < 0) {
      if (ch !== '”') openAt = i;
      continue;
    }
    spans.push(text.slice(openAt + 1, i));
    openAt = -1;
  }
  if (openAt >= 0) spans.push(text.slice(openAt + 1));
  return spans.map(collapseWhitespace).filter((span) => span !== '');
}

/** Whether the double quotation marks of `text` are unbalanced (a quotation opens and does not close). */
export function hasOpenQuote(text: string): boolean {
  let open = false;
  for (const ch of text) {
    if (!DOUBLE_QUOTES.has(ch)) continue;
    if (!open && ch === '”') continue;
    open = !open;
  }
  return open;
}

/** A best-effort Markdown to plain-text-lines converter: keeps the words, drops the markup. */

function stripInline(line: string): string {
  return (
    line
      // Images carry no article text, only alt text and a URL.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(^|[^\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1$2')
      // Underscores inside words (snake_case) are not emphasis.
      .replace(/(^|[^\w])_(?=\S)([^_]+?)(?<=\S)_(?!\w)/g, '$1$2')
      .replace(/~~(.+?)~~/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
  );
}

/**
 * Converts Markdown to plain-text lines: front matter, code fences' markers, reference definitions, rules and
 * setext underlines are dropped; heading, block-quote and list markers are removed; links become their text,
 * images disappear, emphasis and inline-code markers are stripped.
 */
export function markdownToLines(raw: string): string[] {
  const input = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines: string[] = [];
  let index = 0;
  if (input[0]?.trim() === '---') {
    const close = input.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 0) index = close + 1;
  }
  for (; index < input.length; index++) {
    let line = input[index] ?? '';
    if (/^\s*(?:```|~~~)/.test(line)) continue;
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue;
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\s{0,3}=+\s*$/.test(line)) {
      lines.push('');
      continue;
    }
    line = line
      .replace(/^\s{0,3}(?:>\s?)+/, '')
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '');
    lines.push(stripInline(line).trim());
  }
  return lines;
}

import { expect } from 'vitest';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A search result carries its passage as verbatim sentence blocks, in order, covering the whole passage. */
export function expectSentenceBlocks(content: readonly { type: string; text: string }[], passage: string): void {
  expect(content.length).toBeGreaterThan(0);
  let from = 0;
  for (const block of content) {
    expect(block.type).toBe('text');
    const at = passage.indexOf(block.text, from);
    expect(at).toBeGreaterThanOrEqual(from);
    from = at + block.text.length;
  }
  expect(squash(content.map((b) => b.text).join(' '))).toBe(squash(passage));
}

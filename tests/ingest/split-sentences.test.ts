import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../core/ingest/split-passages.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((sentence) => sentence.text);
}

describe('splitSentences', () => {
  it('splits plain sentences and reports offsets into the given text', () => {
    const text = '  Talks began. They ended!  Did they work? Nobody knows.';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual(['Talks began.', 'They ended!', 'Did they work?', 'Nobody knows.']);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('does not split on U.S. or other initialisms', () => {
    expect(sentences('The U.S. and Russia met. The U.N. watched.')).toEqual([
      'The U.S. and Russia met.',
      'The U.N. watched.',
    ]);
    expect(sentences('Russia demanded the U.S.-led NATO alliance rule out expansion.')).toHaveLength(1);
  });

  it('does not split on titles, ranks and other abbreviations', () => {
    expect(sentences('Gen. Mark Milley met Dr. Jane Smith and Mr. Lee. Sec. Blinken spoke later.')).toEqual([
      'Gen. Mark Milley met Dr. Jane Smith and Mr. Lee.',
      'Sec. Blinken spoke later.',
    ]);
    expect(
      sentences('They met on St. Petersburg Avenue on Jan. 10 with Reps. Adam Schiff (D-Calif.) present.'),
    ).toHaveLength(1);
    expect(sentences('He lives at No. 10 Downing Street. He said no. Then he left.')).toEqual([
      'He lives at No. 10 Downing Street.',
      'He said no.',
      'Then he left.',
    ]);
  });

  it('does not split on single initials', () => {
    expect(sentences('Photographer Chris J. Ratcliffe took it. It ran widely.')).toEqual([
      'Photographer Chris J. Ratcliffe took it.',
      'It ran widely.',
    ]);
  });

  it('does not split decimal numbers', () => {
    expect(sentences('Growth was 2.5 percent in 2021. It slowed.')).toEqual([
      'Growth was 2.5 percent in 2021.',
      'It slowed.',
    ]);
  });

  it('keeps closing quotes and brackets after the period in the sentence', () => {
    expect(sentences('He said: "We will not agree." Talks went on.')).toEqual([
      'He said: "We will not agree."',
      'Talks went on.',
    ]);
    expect(
      sentences('She said it was “naive.” Others agreed. (Officials declined to comment.) Then they left.'),
    ).toEqual(['She said it was “naive.”', 'Others agreed.', '(Officials declined to comment.)', 'Then they left.']);
    expect(sentences("He called it 'a colossal mistake.' Nobody replied.")).toEqual([
      "He called it 'a colossal mistake.'",
      'Nobody replied.',
    ]);
  });

  it('keeps a quotation that closes on the line together with its attribution', () => {
    const straight =
      '"We will not agree to any concession. That is completely excluded," Ryabkov said. Talks resume Monday.';
    expect(sentences(straight)).toEqual([
      '"We will not agree to any concession. That is completely excluded," Ryabkov said.',
      'Talks resume Monday.',
    ]);
    const curly =
      '“What we are seeing is a lot of posturing,” added Greminger. “I think in the end, nobody wants escalation.”';
    expect(sentences(curly)).toEqual([
      '“What we are seeing is a lot of posturing,” added Greminger.',
      '“I think in the end, nobody wants escalation.”',
    ]);
  });

  it('keeps "...," he said. as one sentence, also with ? and ! inside the quote', () => {
    expect(sentences('"It is over," he said.')).toEqual(['"It is over," he said.']);
    expect(sentences('"Is it over?" he asked. "No!" she replied.')).toEqual([
      '"Is it over?" he asked.',
      '"No!" she replied.',
    ]);
  });

  it('splits inside a quotation that never closes', () => {
    expect(
      sentences('“They can’t be easy. They will be commercial. I think we won’t waste our time tomorrow.'),
    ).toEqual(['“They can’t be easy.', 'They will be commercial.', 'I think we won’t waste our time tomorrow.']);
  });

  it('attaches stray trailing punctuation to the sentence before it', () => {
    expect(sentences('it is not possible to deviate from our approaches, “said Ryabkov. .')).toEqual([
      'it is not possible to deviate from our approaches, “said Ryabkov. .',
    ]);
  });

  it('does not split before a lower-case word or at an ellipsis', () => {
    expect(sentences('The ambassador to the Conference on Disarmament. which overlooks Lake Geneva.')).toHaveLength(1);
    expect(
      sentences('"We were firm ... in pushing back," she said. We are concerned ... Israel is not a party.'),
    ).toEqual(['"We were firm ... in pushing back," she said.', 'We are concerned ... Israel is not a party.']);
  });

  it('ends a sentence at a line break and skips blank lines', () => {
    const text = 'First line without a stop\n\nSecond paragraph. Third sentence.\n';
    const spans = splitSentences(text);
    expect(spans.map((span) => span.text)).toEqual([
      'First line without a stop',
      'Second paragraph.',
      'Third sentence.',
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n  ')).toEqual([]);
  });
});

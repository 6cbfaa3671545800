import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { verifyDraft } from '../../core/grounding/verify-draft.ts';
import type { DraftBlock } from '../../core/ports/engine.ts';

const passage: RetrievedPassage = {
  id: 'doc:0',
  documentId: 'doc',
  ordinal: 0,
  start: 0,
  end: 120,
  text: '"We will not agree to any concession. That is completely excluded,"   Ryabkov\nsaid on Sunday in Geneva.',
  score: 1,
  document: { id: 'doc', title: 'T', outlet: 'DW', author: null, publishedAt: '2022-01-09', url: null, language: 'en' },
};
const quote = '"We will not agree to any concession. That is completely excluded," Ryabkov said on Sunday';

const verify = (...blocks: DraftBlock[]) => verifyDraft({ blocks }, [passage]);

describe('verifyDraft', () => {
  it('keeps a block whose quotes are verbatim spans of retrieved passages, whitespace aside', () => {
    const block = { text: 'Ryabkov ruled out any concession.', citations: [{ passageId: 'doc:0', quote }] };
    const result = verify(block);
    expect(result.blocks).toEqual([block]);
    expect(result.dropped).toEqual([]);
  });

  it('drops a block without citations', () => {
    const result = verify({ text: 'Russia ruled out concessions.', citations: [] });
    expect(result.blocks).toEqual([]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['no_citation']);
  });

  it('drops a block citing a fabricated quote', () => {
    const fabricated = { passageId: 'doc:0', quote: 'We will never talk to NATO again' };
    const result = verify({ text: 'Ryabkov ruled out talks.', citations: [fabricated] });
    expect(result.dropped.map((d) => d.reason)).toEqual(['quote_not_in_passage']);
  });

  it('keeps comparison strict apart from whitespace: a changed quotation mark is not verbatim', () => {
    const curly = { passageId: 'doc:0', quote: '“We will not agree to any concession.' };
    expect(verify({ text: 'x', citations: [curly] }).dropped.map((d) => d.reason)).toEqual(['quote_not_in_passage']);
  });

  it('drops a block citing a passage that was not retrieved for the request', () => {
    const other = { passageId: 'other:3', quote: 'Ryabkov' };
    expect(verify({ text: 'Ryabkov spoke.', citations: [other] }).dropped.map((d) => d.reason)).toEqual([
      'unknown_passage',
    ]);
  });

  it('drops a block that puts words in quotation marks the sources do not contain', () => {
    const cited = { passageId: 'doc:0', quote };
    const invented = { text: 'Ryabkov said "no deal with Washington".', citations: [cited] };
    const curly = { text: 'Ryabkov: “That is completely excluded”', citations: [cited] };
    const unclosed = { text: 'Ryabkov: "We will not agree to anything', citations: [cited] };
    const result = verify(invented, curly, unclosed);
    expect(result.blocks).toEqual([curly]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['quoted_text_not_in_sources', 'quoted_text_not_in_sources']);
  });

  it('drops only the failing blocks, strips engine-written [n] markers and repeated citations', () => {
    const cited = { passageId: 'doc:0', quote };
    const good = { text: 'Ryabkov ruled out concessions. [1]', citations: [cited, cited] };
    const bad = { text: 'Moscow agreed.', citations: [{ passageId: 'doc:0', quote: 'Moscow agreed' }] };
    const result = verify(good, bad);
    expect(result.blocks).toEqual([{ text: 'Ryabkov ruled out concessions.', citations: [cited] }]);
    expect(result.dropped).toHaveLength(1);
  });

  it('drops a block with no text and a citation with an empty quote', () => {
    const result = verify(
      { text: '  ', citations: [{ passageId: 'doc:0', quote }] },
      { text: 'Empty quote.', citations: [{ passageId: 'doc:0', quote: ' ' }] },
    );
    expect(result.dropped.map((d) => d.reason)).toEqual(['empty_text', 'quote_not_in_passage']);
  });
});

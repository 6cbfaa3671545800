import type { RetrievedPassage } from '../../core/corpus.ts';

/** A one-passage document from `outlet`, published on `publishedAt`. */
export function passage(
  id: string,
  outlet: string | null,
  text: string,
  publishedAt: string | null = '2022-01-11',
): RetrievedPassage {
  return {
    id: `${id}:0`,
    documentId: id,
    ordinal: 0,
    start: 0,
    end: text.length,
    text,
    score: 1,
    document: {
      id,
      title: `${outlet ?? 'Unknown'} story`,
      outlet,
      author: null,
      publishedAt,
      url: null,
      language: 'en',
    },
  };
}

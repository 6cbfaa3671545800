import type { DocumentToSave } from '../../core/ports/corpus-store.ts';

/** A test document of several paragraphs (one passage each, offsets as the ingest writes them). */
export function testDocument(id: string, hash: string, ...texts: string[]): DocumentToSave {
  let offset = 0;
  const passages = texts.map((text, ordinal) => {
    const span = { ordinal, start: offset, end: offset + text.length, text };
    offset += text.length + 2;
    return span;
  });
  return {
    document: {
      id,
      title: id,
      outlet: 'Test',
      author: null,
      publishedAt: '2022-01-10',
      url: null,
      language: 'en',
      articleText: texts.join('\n\n'),
      contentHash: hash,
      sourcePath: null,
    },
    passages,
  };
}

/** A bare document of one paragraph: no title, outlet or date. */
export function oneParagraph(id: string, text: string): DocumentToSave {
  return {
    document: {
      id,
      title: null,
      outlet: null,
      author: null,
      publishedAt: null,
      url: null,
      language: 'en',
      articleText: text,
      contentHash: id,
      sourcePath: null,
    },
    passages: [{ ordinal: 0, start: 0, end: text.length, text }],
  };
}

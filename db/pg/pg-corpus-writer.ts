import type pg from 'pg';
import { passageId } from '../../core/corpus.ts';
import type { DocumentToSave, SaveOutcome } from '../../core/ports/corpus-store.ts';
import { fts5Terms } from '../search/fts5-terms.ts';
import { addPostings, collectBatch, dropPassages } from './pg-postings.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// The plain tests first: the lookaround pattern over every text was a twentieth of the writer's CPU.
const SURROGATE = /[\uD800-\uDFFF]/;
const NUL = String.fromCharCode(0);
/** PostgreSQL text holds neither NUL nor lone surrogates; both become U+FFFD, as SQLite's binding does for the latter. */
const storable = (text: string): string => {
  const fixed = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  return fixed.includes(NUL) ? fixed.replaceAll(NUL, '\uFFFD') : fixed;
};

/** A transaction on one pooled client: committed when `work` resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Saves a batch of documents in one transaction with the SQLite store's outcomes, writing passages and
 * their postings (FTS5's terms, counted per passage) and keeping the BM25 totals in step.
 */
export async function savePg(pool: pg.Pool, batch: readonly DocumentToSave[]): Promise<SaveOutcome[]> {
  if (batch.length === 0) return [];
  return inTransaction(pool, async (client) => {
    // Writers queue on the totals row, so the outcomes below see every earlier commit.
    await client.query('SELECT passages FROM corpus_totals WHERE id = 1 FOR UPDATE');
    const ids = [...new Set(batch.map((b) => b.document.id))];
    const stored = await client.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM documents WHERE id = ANY($1::text[])',
      [ids],
    );
    const known = new Map(stored.rows.map((r) => [r.id, { hash: r.content_hash as string | null, stored: true }]));
    const changed = new Map<string, DocumentToSave>();
    const outcomes = batch.map(({ document, passages }): SaveOutcome => {
      const state = known.get(document.id) ?? { hash: null, stored: false };
      known.set(document.id, state);
      if (state.hash === document.contentHash) return 'unchanged';
      const outcome = state.hash === null ? 'inserted' : 'updated';
      state.hash = document.contentHash;
      changed.delete(document.id);
      changed.set(document.id, { document, passages });
      return outcome;
    });
    if (changed.size === 0) return outcomes;
    const now = new Date().toISOString();
    const replaced = [...changed.keys()].filter((id) => known.get(id)?.stored);
    const dropped = replaced.length > 0 ? await dropPassages(client, replaced) : { passages: 0, terms: 0 };
    const docs = [...changed.values()].map(({ document: d }) => d);
    // Sent now, awaited once the passages are tokenised: the server stores the documents meanwhile (the
    // catch only keeps a failure from being reported as unhandled before the await below rethrows it).
    const documentsSaved = client.query(
      `INSERT INTO documents (id, title, outlet, author, published_at, url, language, article_text, content_hash,
         source_path, ingested_at, first_ingested_at)
       SELECT *, i.ingested_at FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS i(id, title, outlet, author, published_at, url, language, article_text, content_hash, source_path, ingested_at)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, outlet = excluded.outlet, author = excluded.author,
         published_at = excluded.published_at, url = excluded.url, language = excluded.language,
         article_text = excluded.article_text, content_hash = excluded.content_hash,
         source_path = excluded.source_path, ingested_at = excluded.ingested_at`,
      [
        docs.map((d) => d.id),
        docs.map((d) => d.title ?? null),
        docs.map((d) => d.outlet ?? null),
        docs.map((d) => d.author ?? null),
        docs.map((d) => d.publishedAt ?? null),
        docs.map((d) => d.url ?? null),
        docs.map((d) => d.language ?? null),
        docs.map((d) => storable(d.articleText)),
        docs.map((d) => d.contentHash),
        docs.map((d) => d.sourcePath ?? null),
        docs.map(() => now),
      ],
    );
    documentsSaved.catch(() => undefined);
    const rows = [...changed.values()].flatMap(({ document: d, passages }) =>
      passages.map((p) => {
        const text = storable(p.text);
        return { id: passageId(d.id, p.ordinal), documentId: d.id, p, text, terms: fts5Terms(text) };
      }),
    );
    await documentsSaved;
    const inserting = client.query<{ seq: number; id: string }>(
      `INSERT INTO passages (id, document_id, ordinal, text, start_offset, end_offset, length)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[], $6::int[], $7::int[])
       RETURNING seq, id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.documentId),
        rows.map((r) => r.p.ordinal),
        rows.map((r) => r.text),
        rows.map((r) => r.p.start),
        rows.map((r) => r.p.end),
        rows.map((r) => r.terms.length),
      ],
    );
    inserting.catch(() => undefined);
    // Counted while the server inserts the passages; their seqs are filled in when it returns them.
    const collected = collectBatch(rows.map((row) => row.terms));
    const seqOf = new Map((await inserting).rows.map((r) => [r.id, r.seq]));
    const added = await addPostings(
      client,
      collected,
      rows.map((row) => seqOf.get(row.id) as number),
    );
    await client.query(
      'UPDATE corpus_totals SET passages = passages + $1, terms = terms + $2, removals = removals + $3 WHERE id = 1',
      [added.passages + dropped.passages, added.terms + dropped.terms, -dropped.passages],
    );
    return outcomes;
  });
}

/** Deletes documents with their passages and postings in one transaction, keeping the BM25 totals in step. */
export async function removePg(pool: pg.Pool, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return inTransaction(pool, async (client) => {
    await client.query('SELECT passages FROM corpus_totals WHERE id = 1 FOR UPDATE');
    const gone = await dropPassages(client, ids);
    const removed = await client.query<{ id: string }>(
      'DELETE FROM documents WHERE id = ANY($1::text[]) RETURNING id',
      [[...ids]],
    );
    await client.query(
      'UPDATE corpus_totals SET passages = passages + $1, terms = terms + $2, removals = removals - $1 WHERE id = 1',
      [gone.passages, gone.terms],
    );
    const found = new Set(removed.rows.map((r) => r.id));
    return ids.filter((id) => found.has(id));
  });
}

import type Database from 'better-sqlite3';
import { fts5Terms } from './fts5-terms.ts';
import { quotePhrase } from './match-expression.ts';
import { fromOccurrences, K1, type Postings, parseNumbers } from './postings.ts';

/**
 * Appended passages indexed at once past this many are not worth a copy: lists that far behind are read the
 * former way, list by list (a bulk ingest in the same process, not a feed poll).
 */
const MAX_APPENDED = 50_000;

/** The tokenizer option of passages_fts as created by its migration (the copy must tokenize exactly as it does). */
function tokenizerOf(client: Database.Database): string {
  const sql = client
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'passages_fts'")
    .pluck()
    .get();
  const option = /tokenize\s*=\s*('(?:[^']|'')*'|"(?:[^"]|"")*")/i.exec(typeof sql === 'string' ? sql : '');
  return option ? `, tokenize=${option[1]}` : '';
}

/**
 * The passages appended since lists held in memory were read, indexed once for all of them: a contentless FTS5
 * table in the connection's temp schema, with passages_fts's own tokenizer (so every count is exactly what
 * passages_fts holds, for any text), read through its fts5vocab instance view by term. After a feed poll each
 * held list used to read its tail from passages_fts with one statement, highlight() marking the term in every new
 * passage holding it: some 300 statements after each poll at 1M passages, each reading and marking the texts
 * again (43 % of the slowest long queries' time after a poll). Now the new texts are tokenized once, and a
 * list's tail is one lookup in an index of a few thousand passages.
 *
 * The table covers the rowids in (lo, hi] under one removal count, filled on first need (nothing at start): it
 * grows at its top as the corpus grows and starts over below, so it holds about what lists still behind need.
 */
export function createAppendedTails(client: Database.Database) {
  let statements: ReturnType<typeof prepare> | null = null;
  let covered: { lo: number; hi: number; removals: number } | null = null;

  function prepare() {
    client.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_appended USING fts5(text, content=''${tokenizerOf(client)})`,
    );
    client.exec(
      'CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_appended_instances USING fts5vocab(temp, passages_appended, instance)',
    );
    return {
      // Only the passages passages_fts indexed (its docsize rows): the rowids of a list's tail are FTS5's.
      fill: client.prepare(
        `INSERT INTO temp.passages_appended (rowid, text)
         SELECT p.rowid, p.text FROM passages_fts_docsize d JOIN passages p ON p.rowid = d.id WHERE d.id > ? AND d.id <= ?`,
      ),
      clear: client.prepare("INSERT INTO temp.passages_appended (passages_appended) VALUES ('delete-all')"),
      occurrences: client
        .prepare(
          'SELECT group_concat(doc) FROM temp.passages_appended_instances WHERE term = ? AND doc > ? AND doc <= ?',
        )
        .pluck(),
      members: client
        .prepare(
          'SELECT group_concat(rowid) FROM temp.passages_appended WHERE passages_appended MATCH ? AND rowid > ? AND rowid <= ?',
        )
        .pluck(),
    };
  }

  /** Makes the table cover (lowest, upto] (or more); false when that is too many passages to copy. */
  function cover(lowest: number, upto: number, removals: number): boolean {
    if (upto - lowest > MAX_APPENDED) return false;
    statements ??= prepare();
    const held = covered;
    // Kept while it reaches down to `lowest` and holds no more below it than is needed above.
    if (held !== null && held.removals === removals && held.lo <= lowest && lowest - held.lo <= upto - lowest) {
      if (upto > held.hi) statements.fill.run(held.hi, upto);
      held.hi = Math.max(held.hi, upto);
      return true;
    }
    if (held !== null) statements.clear.run();
    covered = null;
    statements.fill.run(lowest, upto);
    covered = { lo: lowest, hi: upto, removals };
    return true;
  }

  return {
    /**
     * The entries of `phrase`'s list for rowids in (from, to], counted when `withCounts` (a list of one term), or
     * null when the appended passages are too many to index here (`lowest`: the lowest rowid any held list is
     * still behind, so that one copy serves them all).
     */
    tail(
      phrase: string,
      withCounts: boolean,
      range: { lowest: number; from: number; to: number; removals: number },
      norms: Float64Array,
    ): Postings | null {
      const { lowest, from, to, removals } = range;
      if (!cover(Math.min(lowest, from), to, removals) || statements === null) return null;
      const terms = fts5Terms(phrase);
      if (withCounts && terms.length === 1) {
        const docs = parseNumbers(statements.occurrences.get(terms[0], from, to) as string | null);
        return fromOccurrences(docs, norms);
      }
      if (withCounts) return null;
      const rowids = parseNumbers(statements.members.get(quotePhrase(phrase), from, to) as string | null);
      return { rowids, counts: null, peak: K1 + 1 };
    },
  };
}

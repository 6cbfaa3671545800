import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttache } from '../../core/attache.ts';
import { createExtractiveEngine } from '../../core/engines/extractive/extractive-engine.ts';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createConversationRepository } from '../../db/repositories/conversation-repository.ts';
import { createCorpusRepository } from '../../db/repositories/corpus-repository.ts';
import { fakeClock } from '../core/core-fixture.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function coreOver(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'attache-story-'));
  const database = openDatabase(':memory:');
  cleanups.push(
    () => database.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const corpus = createCorpusRepository(database.db);
  await ingestFiles(corpus, [dir]);
  const extractive = createExtractiveEngine();
  return createAttache({
    corpus,
    conversations: createConversationRepository(database.db),
    engine: extractive,
    fallbackEngine: extractive,
    clock: fakeClock('2024-03-06T09:00:00.000Z'),
    logger: silentLogger,
  });
}

const article = (outlet: string, date: string, title: string, ...paragraphs: string[]) =>
  `---\ntitle: ${title}\noutlet: ${outlet}\ndate: ${date}\n---\n\n# ${title}\n\n${paragraphs.join('\n\n')}\n`;

/** An invented story told by three outlets (one in its own words), and another story of the same month. */
const FILES = {
  'treaty-harbour.md': article(
    'Harbour Post',
    '2024-03-04',
    'Iberian neighbours settle a long quarrel',
    'Portugal and Spain signed a water treaty in Lisbon on Monday, ending a decade of quarrels over the river Tagus.',
    'Under the treaty each river basin must keep a minimum flow of 2,700 cubic hectometres a year, ministers Ana Duarte and Luis Ferrer said.',
    'Farmers in the Alentejo welcomed the treaty, saying the dry summers had ruined two harvests in a row.',
  ),
  'treaty-wire.md': article(
    'Iberia Wire',
    '2024-03-04',
    'A river shared at last',
    'Ministers Ana Duarte and Luis Ferrer put their names to the accord at the Belem palace after eleven hours of haggling.',
    'A minimum flow of 2,700 cubic hectometres a year is now guaranteed for each basin of the Tagus, Duarte told reporters.',
    'Ferrer called the accord "a promise to our grandchildren" and said the first joint inspection would take place in June.',
  ),
  'treaty-daily.md': article(
    'Daily Courier',
    '2024-03-05',
    'Explainer: who measures the river now',
    'The Lisbon water treaty signed by Ana Duarte and Luis Ferrer creates a joint commission to measure the Tagus every week.',
    'Environmental groups said the treaty came too late for the wetlands of the lower Tagus.',
    // Cut off at its source (a page clipped mid-word): it must not be a bullet, however much it says.
    'The joint commission of Portugal and Spain will measure the 2,700 cubic hectometres of the Tagus each week and must firs',
  ),
  'trade-1.md': article(
    'Andes Report',
    '2024-03-04',
    'Andean neighbours back at the table',
    'Trade talks between Chile and Peru resumed in March after a pause of two years.',
    'Peru wants lower copper tariffs, its negotiator Marta Quispe said on Monday.',
  ),
  'trade-2.md': article(
    'Pacific Ledger',
    '2024-03-05',
    'Tariffs first, fish later',
    'Peru said the talks in March would cover copper tariffs and fishing rights.',
    'Chile has not said what it will offer, Quispe told reporters.',
  ),
};

describe('a briefing on a topic that names a story', () => {
  it('briefs from the story’s articles, including one that tells it in other words, and never from another story', async () => {
    const attache = await coreOver(FILES);
    const reply = await attache.brief({
      topic: 'The Lisbon water treaty talks (March 2024)',
      conversation: 'console:story',
    });
    expect(reply.status).toBe('answered');
    const documents = new Set(reply.citations.map((c) => c.documentId));
    expect([...documents].some((id) => id.startsWith('trade'))).toBe(false);
    // The wire story's sentences name neither Lisbon nor the water treaty, yet tell the story.
    expect(reply.citations.some((c) => c.documentId === 'treaty-wire' && !/lisbon|water|treaty/i.test(c.quote))).toBe(
      true,
    );
  });

  it('cites every outlet that reports the same fact the same day in its own words, in one bullet', async () => {
    const attache = await coreOver(FILES);
    const reply = await attache.brief({
      topic: 'The Lisbon water treaty talks (March 2024)',
      conversation: 'console:same',
    });
    const byNumber = new Map(reply.citations.map((c) => [c.n, c]));
    const flow = reply.blocks.filter((b) =>
      b.citations.some((n) => byNumber.get(n)?.quote.includes('2,700 cubic hectometres')),
    );
    expect(flow).toHaveLength(1);
    const outlets = new Set(flow[0]?.citations.map((n) => byNumber.get(n)?.documentId));
    expect(outlets).toEqual(new Set(['treaty-harbour', 'treaty-wire']));
  });

  it('tells a story in at most ten whole sentences, none cut off at its source', async () => {
    const attache = await coreOver(FILES);
    const reply = await attache.brief({
      topic: 'The Lisbon water treaty talks (March 2024)',
      conversation: 'console:cut',
    });
    expect(reply.blocks.length).toBeGreaterThanOrEqual(3);
    expect(reply.blocks.length).toBeLessThanOrEqual(10);
    expect(reply.blocks.reduce((sum, b) => sum + b.text.length, 0)).toBeLessThanOrEqual(1450);
    for (const b of reply.blocks) expect(b.text).not.toMatch(/must firs/);
  });

  it('tells the story in the order it happened', async () => {
    const attache = await coreOver(FILES);
    const reply = await attache.brief({
      topic: 'The Lisbon water treaty talks (March 2024)',
      conversation: 'console:order',
    });
    const byNumber = new Map(reply.citations.map((c) => [c.n, c]));
    // No bullet names a day other than its report's: the Daily Courier's (5 March) come after the others' (4 March).
    const shown = reply.blocks.map((b) => byNumber.get(b.citations[0] ?? -1)?.documentId);
    const firstLater = shown.indexOf('treaty-daily');
    expect(firstLater).toBeGreaterThan(0);
    expect(shown.slice(firstLater).every((id) => id === 'treaty-daily')).toBe(true);
  });

  it('still briefs on one subject only from the sentences that name it', async () => {
    const attache = await coreOver(FILES);
    const reply = await attache.brief({ topic: 'copper', conversation: 'console:copper' });
    expect(reply.status).toBe('answered');
    for (const c of reply.citations) expect(c.quote).toMatch(/copper/i);
  });
});

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

/** The core over a corpus it was never tuned on. */
function coreOver(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'attache-other-'));
  const database = openDatabase(':memory:');
  cleanups.push(
    () => database.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const corpus = createCorpusRepository(database.db);
  const extractive = createExtractiveEngine();
  const conversations = createConversationRepository(database.db);
  const attache = createAttache({
    corpus,
    conversations,
    engine: extractive,
    fallbackEngine: extractive,
    clock: fakeClock(),
    logger: silentLogger,
  });
  return { attache, corpus, load: () => ingestFiles(corpus, [dir]) };
}

const OSLO = `# Ministers meet in Oslo

Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on Friday. "We agreed on a new fisheries deal," Berg said.

The deal covers 12 fishing zones in the North Sea, according to the ministry.
`;

describe('a corpus the engine was not tuned on', () => {
  it('answers typed questions and follow-ups from a new document', async () => {
    const { attache, load } = coreOver({ 'oslo.md': OSLO });
    await load();
    const conversation = 'console:oslo';
    const who = await attache.ask({ question: 'Who did Anna Berg meet?', conversation });
    expect(who.status).toBe('answered');
    expect(who.citations[0]?.quote).toContain('Lars Holm');
    const where = await attache.ask({ question: 'Where did they meet?', conversation });
    expect(where.title).toContain('Anna Berg and Lars Holm');
    expect(where.citations[0]?.quote).toContain('in Oslo');
    const zones = await attache.ask({ question: 'How many fishing zones does the deal cover?', conversation });
    expect(zones.blocks[0]?.text).toContain('12 fishing zones');
    const brief = await attache.brief({ conversation });
    expect(brief.status).toBe('answered');
    expect(brief.title).not.toBe('Ministers meet in Oslo');
    expect(brief.blocks.some((b) => b.text.startsWith('According to a news report, '))).toBe(true);
  });

  it('refuses clearly while the corpus is empty', async () => {
    const { attache } = coreOver({});
    const reply = await attache.brief({ conversation: 'console:empty' });
    expect(reply).toMatchObject({ status: 'refused', blocks: [], citations: [] });
    expect(reply.text).toBe('No briefing on that\n\nThe corpus is empty.');
  });
});

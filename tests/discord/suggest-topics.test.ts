import { describe, expect, it } from 'vitest';
import { createApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { silentLogger } from '../../core/ports/logger.ts';
import { createTopicIndex, extractTopics, matchTopics } from '../../core/topics/suggest-topics.ts';
import { SEEDS_DIR } from './discord-harness.ts';

describe('extractTopics', () => {
  it('finds names across texts, most widespread first, without filler or job titles', () => {
    const topics = extractTopics([
      'Russian Deputy Foreign Minister Sergei Ryabkov met Wendy Sherman in Geneva on Monday.',
      'The Kremlin said on Tuesday that NATO must not expand. Ryabkov agreed.',
      'In Geneva, Ryabkov said NATO and the U.S. must listen.',
    ]);
    expect(topics.slice(0, 3)).toEqual(['Geneva', 'NATO', 'Ryabkov']);
    expect(topics).toEqual(expect.arrayContaining(['Sergei Ryabkov', 'Wendy Sherman', 'Kremlin', 'U.S.']));
    for (const filler of ['Monday', 'Tuesday', 'The', 'In', 'Deputy', 'Minister', 'Foreign Minister']) {
      expect(topics).not.toContain(filler);
    }
  });

  it('does not join names across a sentence end', () => {
    expect(extractTopics(['They met in Geneva. Moscow said no.'])).toEqual(['Geneva', 'Moscow']);
  });
});

describe('matchTopics', () => {
  const topics = ['Russia', 'Ryabkov', 'Sergei Ryabkov', 'NATO', 'United States'];
  it('puts names starting with the typed text first, then names with a word starting with it', () => {
    expect(matchTopics(topics, 'rya')).toEqual(['Ryabkov', 'Sergei Ryabkov']);
    expect(matchTopics(topics, ' STATES ')).toEqual(['United States']);
    expect(matchTopics(topics, '', 2)).toEqual(['Russia', 'Ryabkov']);
    expect(matchTopics(topics, 'zzz')).toEqual([]);
  });
});

describe('createTopicIndex over the seed corpus', () => {
  it('suggests the main entities of the corpus and caches them until the TTL passes', async () => {
    const app = await createApp(
      loadConfig({ DATABASE_PATH: ':memory:', SEEDS_DIR, LOG_LEVEL: 'silent' }),
      silentLogger,
    );
    try {
      let now = Date.parse('2024-01-01T00:00:00Z');
      let sourcesCalls = 0;
      const api = {
        sources: async () => {
          sourcesCalls += 1;
          return await app.attache.sources();
        },
        search: (text: string, limit?: number) => app.attache.search(text, limit),
      };
      const index = createTopicIndex(api, { ttlMs: 60_000, clock: { now: () => new Date(now) } });
      const top = (await index.topics()).slice(0, 15);
      expect(top).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'NATO', 'Geneva', 'Ryabkov']));
      expect(await index.suggest('pesk')).toContain('Peskov');
      expect(sourcesCalls).toBe(1);
      now += 61_000;
      await index.suggest('nat');
      expect(sourcesCalls).toBe(2);
    } finally {
      app.close();
    }
  });
});

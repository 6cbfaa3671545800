import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../core/ingest/ingest-files.ts';
import type { ConversationTurn } from '../../core/ports/conversation-store.ts';
import type { DigestContent } from '../../core/ports/digest-store.ts';
import type { Reply } from '../../core/reply.ts';
import { buildMatchQuery } from '../../core/retrieval/match-query.ts';
import { openStorage, type Storage } from '../../db/open-storage.ts';
import { testDocument } from '../support/documents.ts';
import { SEEDS_DIR } from '../support/seeded-store.ts';

export const SEARCH_QUERIES = [
  'Ryabkov concession',
  'What did the US offer Russia on missile deployments in Europe?',
  'NATO expansion and the open-door policy',
  'Sergey Ryabkov said talks were difficult but professional',
  'Wendy Sherman Geneva dinner',
  'troops on the Ukrainian border',
  'U.S.-Russia strategic stability dialogue',
  'OSCE Vienna security talks',
];

const doc = testDocument;

const turn = (conversationId: string, createdAt: string, request: string): ConversationTurn => ({
  conversationId,
  createdAt,
  kind: 'answer',
  request,
  resolvedRequest: request,
  status: 'answered',
  replyText: 'text',
  entities: ['Geneva'],
  shownPassageIds: ['a:0'],
  pendingPassageIds: [],
});

/**
 * The one storage contract: every store (SQLite, PostgreSQL) must pass it. `open` gives a fresh, empty,
 * migrated storage; the reference SQLite store on the seeds is opened alongside for search comparisons.
 */
export function runStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`${name} storage contract`, () => {
    let storage: Storage;
    let reference: Storage;

    beforeAll(async () => {
      storage = await open();
      reference = await openStorage({ path: ':memory:' });
      await ingestFiles(storage.corpus, [SEEDS_DIR]);
      await ingestFiles(reference.corpus, [SEEDS_DIR]);
    });
    afterAll(async () => {
      await storage?.close();
      await reference?.close();
    });

    it('stores documents and passages as the reference store does', async () => {
      expect(await storage.corpus.listDocuments()).toEqual(
        (await reference.corpus.listDocuments()).map((d) => ({ ...d, ingestedAt: expect.any(String) })),
      );
      expect(await storage.corpus.passageCount()).toBe(await reference.corpus.passageCount());
      const ids = (await reference.corpus.listPassages()).map((p) => p.id);
      expect((await storage.corpus.listPassages()).map((p) => p.id)).toEqual(ids);
      const some = [ids[3] as string, 'missing:0', ids[0] as string];
      expect((await storage.corpus.getPassages(some)).map((p) => p.id)).toEqual([ids[3], ids[0]]);
      const first = (await reference.corpus.listDocuments())[0]?.id as string;
      expect((await storage.corpus.getDocument(first))?.articleText).toBe(
        (await reference.corpus.getDocument(first))?.articleText,
      );
      expect(await storage.corpus.getDocument('nope')).toBeNull();
    });

    it.each(SEARCH_QUERIES)('ranks %j with the same top 10 and BM25 scores as SQLite FTS5', async (text) => {
      const { groups } = buildMatchQuery(text);
      const mine = await storage.corpus.searchPassages(groups, 10);
      const theirs = await reference.corpus.searchPassages(groups, 10);
      expect(mine.map((p) => p.id).sort()).toEqual(theirs.map((p) => p.id).sort());
      for (const [i, p] of mine.entries()) expect(p.score).toBeCloseTo(theirs[i]?.score as number, 6);
    });

    it('reports save outcomes and replaces passages on update, all or nothing', async () => {
      expect(await storage.corpus.saveDocuments([doc('c1', '1', 'Vienna talks'), doc('c1', '1', 'x')])).toEqual([
        'inserted',
        'unchanged',
      ]);
      expect(
        await storage.corpus.saveDocument(
          doc('c1', '2', 'Minsk talks', 'Kyiv').document,
          doc('c1', '2', 'Minsk talks', 'Kyiv').passages,
        ),
      ).toBe('updated');
      expect(await storage.corpus.contentHash('c1')).toBe('2');
      expect((await storage.corpus.searchPassages([['minsk']], 5)).map((p) => p.id)).toEqual(['c1:0']);
      expect(await storage.corpus.searchPassages([['vienna']], 5)).toEqual(
        (await storage.corpus.searchPassages([['vienna']], 5)).filter((p) => p.documentId !== 'c1'),
      );
      const watermark = (await storage.corpus.getDocument('c1'))?.ingestedAt as string;
      expect(await storage.digests.corpusWatermark()).toBe(watermark);
      expect((await storage.corpus.listPassages({ ingestedAfter: watermark })).length).toBe(0);
    });

    it('remembers conversation turns, newest last, and purges old ones', async () => {
      const c = storage.conversations;
      await c.append(turn('x:1', '2022-01-11T10:00:00.000Z', 'one'));
      await c.append(turn('x:1', '2022-01-11T11:00:00.000Z', 'two'));
      await c.append(turn('x:2', '2022-01-11T11:30:00.000Z', 'other'));
      expect((await c.recent('x:1', new Date(0), 5)).map((t) => t.request)).toEqual(['one', 'two']);
      expect((await c.recent('x:1', new Date(0), 1)).map((t) => t.request)).toEqual(['two']);
      expect(await c.purgeBefore(new Date('2022-01-11T10:30:00.000Z'))).toBe(1);
      expect((await c.recent('x:1', new Date(0), 5)).map((t) => t.request)).toEqual(['two']);
    });

    it('sums token usage per day and model', async () => {
      const base = { engine: 'claude', kind: 'answer', model: 'm' };
      await storage.usage.record({ ...base, createdAt: '2026-01-01T10:00:00.000Z', inputTokens: 10, outputTokens: 2 });
      await storage.usage.record({ ...base, createdAt: '2026-01-01T11:00:00.000Z', inputTokens: 5, outputTokens: 1 });
      expect(await storage.usage.dailyTotals()).toEqual([
        { day: '2026-01-01', model: 'm', replies: 2, inputTokens: 15, outputTokens: 3 },
      ]);
    });

    it('gives a digest the stories added in a window, each with all its copies, and never an edited one', async () => {
      const sleep = () => new Promise((resolve) => setTimeout(resolve, 3));
      const before = new Date().toISOString();
      await sleep();
      await storage.corpus.saveDocuments([doc('s-a', 'a1', 'Envoys met in Vienna.'), doc('s-b', 'b1', 'Envoys met.')]);
      await storage.feeds.saveStories(
        ['s-a', 's-b'].map((documentId) => ({
          documentId,
          storyId: 's-a',
          canonicalUrl: null,
          signature: [1, 2],
          createdAt: before,
        })),
      );
      await sleep();
      const middle = (await storage.digests.corpusWatermark()) as string;
      await sleep();
      await storage.corpus.saveDocuments([doc('s-c', 'c1', 'A summit opened.'), doc('s-a', 'a2', 'Envoys met again.')]);
      await storage.feeds.saveStories([
        { documentId: 's-c', storyId: 's-a', canonicalUrl: null, signature: [1], createdAt: middle },
      ]);
      // A later millisecond than s-c, so the newest-first order has no tie to break.
      await sleep();
      await storage.corpus.saveDocuments([doc('s-d', 'd1', 'Talks ended.')]);
      const until = (await storage.digests.corpusWatermark()) as string;

      // A story lists every copy stored by now, also those added after the window.
      const first = await storage.digests.storiesAddedBetween(before, middle, 10);
      expect(first.map((d) => [d.storyId, d.id, d.lead?.text])).toEqual([
        ['s-a', 's-a', 'Envoys met again.'],
        ['s-a', 's-b', 'Envoys met.'],
        ['s-a', 's-c', 'A summit opened.'],
      ]);
      // s-a was edited after `middle` and stays old; s-c joined its story; s-d is a story of its own.
      const second = await storage.digests.storiesAddedBetween(middle, until, 10);
      expect(second.map((d) => [d.storyId, d.id])).toEqual([
        ['s-d', 's-d'],
        ['s-a', 's-a'],
        ['s-a', 's-b'],
        ['s-a', 's-c'],
      ]);
      expect(second.find((d) => d.id === 's-a')).toMatchObject({
        articleText: 'Envoys met again.',
        lead: { passageId: 's-a:0', text: 'Envoys met again.' },
      });
      expect((await storage.digests.storiesAddedBetween(middle, until, 1)).map((d) => d.id)).toEqual(['s-d']);
      await storage.corpus.removeDocuments(['s-a', 's-b', 's-c', 's-d']);
    });

    it('lets exactly one of many concurrent claims win a digest run', async () => {
      const d = storage.digests;
      const sub = await d.upsertSubscription({
        platform: 'telegram',
        targetId: '42',
        guildId: null,
        localTime: '08:00',
        timezone: 'Europe/Berlin',
        topic: null,
        createdBy: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        includeKeywords: ['arms control', 'nato'],
        excludeKeywords: [],
        whenEmpty: 'silent',
      });
      expect(sub).toMatchObject({
        includeKeywords: ['arms control', 'nato'],
        excludeKeywords: [],
        whenEmpty: 'silent',
      });
      const { id: _id, active: _active, deactivatedReason: _reason, ...fields } = sub;
      const again = await d.upsertSubscription({ ...fields, localTime: '09:00', excludeKeywords: ['sport'] });
      expect(again.id).toBe(sub.id);
      expect((await d.activeSubscription('telegram', '42'))?.excludeKeywords).toEqual(['sport']);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          d.claimRun({
            subscriptionId: sub.id,
            localDate: '2026-01-02',
            claimedBy: `p${i}`,
            at: '2026-01-02T07:00:00Z',
          }),
        ),
      );
      expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
      const won = claims.find((c) => c.outcome === 'claimed');
      if (won?.outcome !== 'claimed') throw new Error('no claim');
      const claim = { runId: won.run.id, claimedBy: won.run.claimedBy as string };
      expect(await d.recordAttempt({ ...claim, claimedBy: 'intruder' }, 0, 'now')).toBe(false);
      expect(await d.renewClaim({ ...claim, claimedBy: 'intruder' }, 'now')).toBe(false);
      expect(await d.renewClaim(claim, '2026-01-02T07:00:00.500Z')).toBe(true);
      expect((await d.latestRun(sub.id))?.claimedAt).toBe('2026-01-02T07:00:00.500Z');
      // The content is fixed before the first part, and read back whole by whoever finishes the run.
      expect(await d.runContent(claim.runId)).toBeNull();
      const reply: Reply = {
        kind: 'briefing',
        status: 'answered',
        title: 'Digest',
        text: 'a',
        blocks: [],
        citations: [],
        engine: 'extractive',
        asOf: null,
      };
      const content: DigestContent = { reply, nothingNew: false, stories: 2 };
      expect(await d.saveContent({ ...claim, claimedBy: 'intruder' }, content, 'c', 'now')).toBe(false);
      expect(await d.saveContent(claim, content, '2026-01-02T06:00:00Z', '2026-01-02T07:00:00.600Z')).toBe(true);
      expect(await d.runContent(claim.runId)).toEqual({ content, coveredUntil: '2026-01-02T06:00:00Z' });
      // Each part: under way before it is sent, settled after; only the run's next part, only by its owner.
      expect(await d.recordAttempt(claim, 1, '2026-01-02T07:00:01Z')).toBe(false);
      expect(await d.recordAttempt(claim, 0, '2026-01-02T07:00:01Z')).toBe(true);
      expect(await d.latestRun(sub.id)).toMatchObject({
        attempts: 1,
        partsSent: 0,
        partStartedAt: '2026-01-02T07:00:01Z',
      });
      const first = { part: 0, messageIds: ['1'], at: '2026-01-02T07:00:01.500Z' };
      expect(await d.confirmPart({ ...claim, claimedBy: 'intruder' }, first)).toBe(false);
      expect(await d.confirmPart(claim, first)).toBe(true);
      expect(await d.confirmPart(claim, first)).toBe(false);
      expect(await d.latestRun(sub.id)).toMatchObject({ partsSent: 1, partStartedAt: null, messageIds: ['1'] });
      expect(await d.recordAttempt(claim, 1, '2026-01-02T07:00:01.600Z')).toBe(true);
      const note = 'part 2 of 2 may be missing';
      expect(await d.confirmPart(claim, { part: 1, messageIds: ['1'], note, at: '2026-01-02T07:00:01.700Z' })).toBe(
        true,
      );
      expect(await d.markSent(claim, { messageIds: ['1'], coveredUntil: null, at: '2026-01-02T07:00:02Z' })).toBe(true);
      expect(await d.lastSentRun(sub.id)).toMatchObject({ messageIds: ['1'], partsSent: 2, lastError: note });
      expect(await d.recordSkipped({ subscriptionId: sub.id, localDate: '2026-01-02', reason: 'x', at: 'now' })).toBe(
        false,
      );
      expect(await d.deactivateTarget('telegram', '42', 'unsubscribed')).toBe(true);
      expect(await d.activeSubscription('telegram', '42')).toBeNull();
      expect(
        (await d.claimRun({ subscriptionId: sub.id, localDate: '2026-01-03', claimedBy: 'p', at: 'now' })).outcome,
      ).toBe('inactive');
    });

    it('lets one of many concurrent claims handle an update; a finished one is done, a dead owner’s is retaken', async () => {
      const u = storage.updates;
      const key = { platform: 'telegram', updateId: '5001' };
      const t = (s: number) => new Date(Date.UTC(2026, 0, 2, 7, 0, s)).toISOString();
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => u.claimUpdate(key, `p${i}`, t(0), t(30))));
      expect(claims.filter((c) => c === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c === 'busy')).toHaveLength(7);
      const owner = `p${claims.indexOf('claimed')}`;
      // The owner renews while it works; nobody else can, and a renewed claim is not taken at its first expiry.
      expect(await u.renewUpdate(key, 'intruder', t(59))).toBe(false);
      expect(await u.renewUpdate(key, owner, t(59))).toBe(true);
      expect(await u.claimUpdate(key, 'other', t(40), t(70))).toBe('busy');
      expect(await u.finishUpdate(key, 'intruder', t(41))).toBe(false);
      expect(await u.finishUpdate(key, owner, t(41))).toBe(true);
      // Re-sent after it was handled: done, whenever it comes.
      expect(await u.claimUpdate(key, 'other', t(42), t(72))).toBe('done');
      expect(await u.claimUpdate(key, 'other', t(99), t(129))).toBe('done');

      // An owner that died without finishing: its claim runs out and exactly one other instance takes it.
      const orphan = { platform: 'telegram', updateId: '5002' };
      expect(await u.claimUpdate(orphan, 'dead', t(0), t(30))).toBe('claimed');
      expect(await u.claimUpdate(orphan, 'early', t(29), t(59))).toBe('busy');
      const retaken = await Promise.all(['a', 'b', 'c'].map((o) => u.claimUpdate(orphan, o, t(31), t(59))));
      expect(retaken.sort()).toEqual(['busy', 'busy', 'claimed']);
      expect(await u.renewUpdate(orphan, 'dead', t(59))).toBe(false);
      // Another platform's update with the same id is another update.
      expect(await u.claimUpdate({ platform: 'other', updateId: '5001' }, 'p', t(0), t(30))).toBe('claimed');

      // Old claims are pruned, recent ones kept.
      expect(await u.pruneUpdates(t(0))).toBe(0);
      expect(await u.pruneUpdates(t(1))).toBe(3);
      expect(await u.claimUpdate(key, 'later', t(50), t(80))).toBe('claimed');
    });
  });
}

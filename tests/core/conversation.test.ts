import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationTurn } from '../../core/ports/conversation-store.ts';
import { openDatabase } from '../../db/open-database.ts';
import { createConversationRepository } from '../../db/repositories/conversation-repository.ts';
import { fakeClock, seededCore } from './core-fixture.ts';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function core(clock = fakeClock()) {
  const c = await seededCore({ clock });
  close = () => c.database.close();
  return c;
}

function turn(conversationId: string, createdAt: string, request: string): ConversationTurn {
  return {
    conversationId,
    createdAt,
    kind: 'answer',
    request,
    resolvedRequest: request,
    status: 'answered',
    replyText: `reply to ${request}`,
    entities: ['Wendy Sherman'],
    shownPassageIds: ['a:1'],
    pendingPassageIds: ['a:2'],
  };
}

describe('conversation repository (SQLite)', () => {
  it('returns recent turns oldest first, newest limit, since a time, per conversation; purges old ones', async () => {
    const database = openDatabase(':memory:');
    close = () => database.close();
    const store = createConversationRepository(database.db);
    await store.append(turn('console:a', '2022-01-10T10:00:00.000Z', 'one'));
    await store.append(turn('console:a', '2022-01-11T10:00:00.000Z', 'two'));
    await store.append(turn('console:a', '2022-01-11T11:00:00.000Z', 'three'));
    await store.append(turn('console:b', '2022-01-11T12:00:00.000Z', 'other'));
    const recent = await store.recent('console:a', new Date('2022-01-11T00:00:00.000Z'), 5);
    expect(recent.map((t) => t.request)).toEqual(['two', 'three']);
    expect(recent[0]).toEqual(turn('console:a', '2022-01-11T10:00:00.000Z', 'two'));
    expect((await store.recent('console:a', new Date(0), 1)).map((t) => t.request)).toEqual(['three']);
    expect(await store.purgeBefore(new Date('2022-01-11T00:00:00.000Z'))).toBe(1);
    expect(await store.recent('console:a', new Date(0), 10)).toHaveLength(2);
  });

  it('skips a row whose payload it cannot read instead of failing', async () => {
    const database = openDatabase(':memory:');
    close = () => database.close();
    database.client
      .prepare('INSERT INTO conversation_turns (conversation_id, created_at, kind, payload) VALUES (?, ?, ?, ?)')
      .run('console:a', '2022-01-11T10:00:00.000Z', 'answer', '{not json');
    const store = createConversationRepository(database.db);
    await store.append(turn('console:a', '2022-01-11T11:00:00.000Z', 'fine'));
    expect((await store.recent('console:a', new Date(0), 5)).map((t) => t.request)).toEqual(['fine']);
  });
});

describe('follow-ups through the real SQLite memory', () => {
  it('resolves she, they, a bare "when?" and "and NATO?" from earlier turns', async () => {
    const { attache, conversations } = await core();
    const conversation = 'telegram:1:2';
    const first = await attache.ask({ question: 'Who represented the US at the Geneva talks?', conversation });
    expect(first.citations.map((c) => c.quote).join(' ')).toContain('Wendy Sherman');
    const she = await attache.ask({ question: 'Who did she have dinner with?', conversation });
    expect(she.title).toContain('Wendy Sherman');
    expect(she.status).toBe('answered');
    expect(she.citations.map((c) => c.quote).join(' ')).toContain('Ryabkov');
    const they = await attache.ask({ question: 'How long did they meet?', conversation });
    expect(they.citations.map((c) => c.quote).join(' ')).toContain('more than two hours');
    const stored = await conversations.recent(conversation, new Date(0), 10);
    expect(stored.map((t) => t.request)).toEqual([
      'Who represented the US at the Geneva talks?',
      'Who did she have dinner with?',
      'How long did they meet?',
    ]);
    expect(stored[2]?.resolvedRequest).toMatch(/Wendy Sherman and Sergei Ryabkov/);
  });

  it('reuses the previous question for "when?" and swaps the entity for "and NATO?"', async () => {
    const { attache } = await core();
    const conversation = 'discord:9:8';
    await attache.ask({ question: 'Where will Russia meet the OSCE?', conversation });
    const nato = await attache.ask({ question: 'And NATO?', conversation });
    expect(nato.title).toBe('Where will Russia meet NATO?');
    expect(nato.citations.map((c) => c.quote).join(' ')).toContain('Brussels');
    const when = await attache.ask({ question: 'when?', conversation });
    expect(when.title).toBe('When will Russia meet NATO?');
    expect(when.citations.map((c) => c.quote).join(' ')).toContain('Wednesday');
  });

  it('puts a bare wh-word in front of a yes/no question and reads "they" as the country asked about', async () => {
    const { attache } = await core();
    const conversation = 'console:yes-no';
    await attache.ask({ question: 'Did Ryabkov meet Sherman?', conversation });
    const where = await attache.ask({ question: 'where?', conversation });
    expect(where.title).toBe('Where did Ryabkov meet Sherman?');
    await attache.ask({ question: 'What does Russia want from NATO?', conversation: 'console:they' });
    const they = await attache.ask({ question: 'What guarantees do they ask for?', conversation: 'console:they' });
    expect(they.title).toMatch(/^What guarantees do Russia ask for\?/);
  });

  it('resolves "he" to the man the conversation is about', async () => {
    const { attache } = await core();
    const conversation = 'console:he';
    await attache.ask({ question: 'What did Ushakov warn about?', conversation });
    const reply = await attache.ask({ question: 'Whose adviser is he?', conversation });
    expect(reply.status).toBe('answered');
    expect(reply.citations.map((c) => c.quote).join(' ')).toContain("Putin's foreign policy adviser");
  });

  it('answers "what else did he say?" with what he said that was not shown yet', async () => {
    const { attache } = await core();
    const conversation = 'console:else';
    const first = await attache.ask({ question: 'What did Ryabkov say?', conversation });
    expect(first.status).toBe('answered');
    const more = await attache.ask({ question: 'What else did he say?', conversation });
    expect(more.status).toBe('answered');
    expect(more.title).toBe('What did Sergei Ryabkov say?');
    const before = new Set(first.citations.map((c) => c.passageId));
    for (const c of more.citations) expect(before.has(c.passageId)).toBe(false);
    expect(more.citations.map((c) => c.quote).join(' ')).toContain('Ryabkov');
  });

  it('forgets turns older than 24 hours', async () => {
    const clock = fakeClock('2022-01-12T09:00:00.000Z');
    const { attache } = await core(clock);
    const conversation = 'console:expiry';
    const first = await attache.ask({ question: 'Who represented the US at the Geneva talks?', conversation });
    clock.advance(23 * 60 * 60 * 1000);
    expect(await attache.lastCitations({ conversation })).toEqual(first.citations);
    clock.advance(2 * 60 * 60 * 1000);
    expect(await attache.lastCitations({ conversation })).toEqual([]);
    const more = await attache.more({ conversation });
    expect(more.text).toMatch(/nothing to continue/);
    const reply = await attache.ask({ question: 'Who did she have dinner with?', conversation });
    expect(reply.title).toBe('Who did she have dinner with?');
  });

  it('keeps conversations apart', async () => {
    const { attache } = await core();
    await attache.ask({ question: 'Who represented the US at the Geneva talks?', conversation: 'telegram:1:1' });
    const other = await attache.ask({ question: 'Who did she have dinner with?', conversation: 'telegram:1:2' });
    expect(other.title).toBe('Who did she have dinner with?');
    expect(await attache.lastCitations({ conversation: 'telegram:1:3' })).toEqual([]);
  });
});

describe('more', () => {
  it('continues a briefing with material not shown yet, then says when nothing is left', async () => {
    const { attache } = await core();
    const conversation = 'console:more';
    const brief = await attache.brief({ conversation });
    const shown = new Set(brief.citations.map((c) => c.passageId));
    const more = await attache.more({ conversation });
    expect(more.kind).toBe('briefing');
    expect(more.status).toBe('answered');
    for (const c of more.citations) expect(shown.has(c.passageId)).toBe(false);
    const texts = brief.blocks.map((b) => b.text.replace(/\s*(\[\d+\])+$/, ''));
    for (const block of more.blocks) expect(texts).not.toContain(block.text.replace(/\s*(\[\d+\])+$/, ''));
    let last = more;
    for (let i = 0; i < 12 && last.status !== 'refused'; i++) last = await attache.more({ conversation });
    expect(last.status).toBe('refused');
    expect(last.text).toContain('nothing more');
  });

  it('says there is nothing to continue in a new conversation', async () => {
    const { attache } = await core();
    const reply = await attache.more({ conversation: 'console:fresh' });
    expect(reply.status).toBe('refused');
    expect(reply.text).toMatch(/nothing to continue/);
  });
});

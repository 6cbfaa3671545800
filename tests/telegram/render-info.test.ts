import { describe, expect, it } from 'vitest';
import { renderDocuments, renderHelp, renderSubscription } from '../../adapters/telegram/render-info.ts';
import type { DocumentSummary } from '../../core/corpus.ts';
import { checkTelegramHtml } from '../fakes/telegram-html.ts';

function doc(i: number, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return {
    id: `doc${i}`,
    title: `Title ${i} <with> & markup`,
    outlet: `Outlet ${i % 3}`,
    author: null,
    publishedAt: `2022-01-${String(10 + (i % 5)).padStart(2, '0')}`,
    url: null,
    language: 'en',
    passages: 3,
    ingestedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

function visible(html: string): string {
  const check = checkTelegramHtml(html);
  expect(check.errors).toEqual([]);
  expect(check.visible.length).toBeLessThanOrEqual(4096);
  return check.visible;
}

describe('renderHelp', () => {
  it('says what the bot does, what it knows and how to use it, as valid HTML', () => {
    const text = visible(renderHelp([doc(0), doc(1)], 'attache_bot', true));
    expect(text).toMatch(/^Hello! I am Attaché\./);
    expect(text).toContain('What I know: 2 articles from Outlet 0, Outlet 1 (2022-01-10 to 2022-01-11).');
    expect(text).toContain('/ask <question>');
    expect(text).toContain('mention @attache_bot');
  });
});

describe('renderDocuments', () => {
  it('lists documents escaped, and stops at 40 with a count of the rest', () => {
    const messages = renderDocuments(Array.from({ length: 45 }, (_, i) => doc(i)));
    const text = messages.map(visible).join('\n');
    expect(text).toContain('• Outlet 1, 2022-01-11 — Title 1 <with> & markup');
    expect(text.match(/^• /gm)).toHaveLength(40);
    expect(text).toContain('…and 5 more.');
  });
});

describe('renderSubscription', () => {
  it('shows time, zone, topic, next and last run', () => {
    const text = visible(
      renderSubscription(
        {
          id: 1,
          platform: 'telegram',
          targetId: '-100',
          guildId: null,
          localTime: '08:00',
          timezone: 'Europe/Berlin',
          topic: 'Geneva <talks>',
          includeKeywords: [],
          excludeKeywords: [],
          whenEmpty: 'notice',
          active: true,
          createdAt: '2026-01-01T00:00:00Z',
          nextRunAt: '2026-01-02T07:00:00.000Z',
          lastRun: { localDate: '2026-01-01', status: 'sent', error: null },
        },
        'Daily digest for this chat',
      ),
    );
    expect(text).toBe(
      'Daily digest for this chat\nEvery day at 08:00 (Europe/Berlin), on: Geneva <talks>.\nNext digest: 2026-01-02 07:00 UTC\nLast digest: 2026-01-01, sent',
    );
  });
});

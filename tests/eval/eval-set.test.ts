import { readdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEEDS_DIR } from './evaluate.ts';
import { loadEvalSet } from './load-eval-set.ts';
import { foldForMatch, inArticle, inChrome, loadSeedTexts } from './seed-text.ts';

// The evaluation set must be honest: every expected phrase is article text of a seed, every chrome phrase is
// chrome only, and questions are the reader's own words rather than copied sentences.
const set = loadEvalSet();
const seeds = loadSeedTexts(DEFAULT_SEEDS_DIR, set.regions);
const seedList = [...seeds.values()];

const answerPhrases = [
  ...set.answerable.map((a) => ({ id: a.id, q: a.q, phrases: a.expect, documents: a.documents })),
  ...set.followups.flatMap((c) =>
    c.turns.flatMap((t, i) =>
      t.expect ? [{ id: `${c.id}#${i + 1}`, q: t.q, phrases: t.expect, documents: t.documents }] : [],
    ),
  ),
];
const factPhrases = [set.briefings.general, ...set.briefings.topics].flatMap((b) =>
  b.facts.flatMap((f) => f.phrases.map((phrase) => ({ id: f.id, phrase }))),
);
const allQuestions = [
  ...set.answerable.map((a) => a.q),
  ...set.unanswerable.map((u) => u.q),
  ...set.chrome.map((c) => c.q),
  ...set.followups.flatMap((c) => c.turns.map((t) => t.q)),
];

function words(text: string): string[] {
  return foldForMatch(text)
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
}

function ngrams(tokens: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i++) out.add(tokens.slice(i, i + n).join(' '));
  return out;
}

describe('evaluation set', () => {
  it('has the required number of items of each kind', () => {
    expect(set.answerable.length).toBeGreaterThanOrEqual(45);
    expect(set.unanswerable.length).toBeGreaterThanOrEqual(15);
    expect(set.chrome.length).toBeGreaterThanOrEqual(6);
    expect(set.followups.length).toBeGreaterThanOrEqual(6);
    expect(set.briefings.general.facts).toHaveLength(10);
    expect(set.briefings.topics.length).toBeGreaterThanOrEqual(2);
    for (const topic of set.briefings.topics) {
      expect(topic.facts.length, topic.topic).toBeGreaterThanOrEqual(3);
      expect(topic.facts.length, topic.topic).toBeLessThanOrEqual(5);
    }
    expect(set.briefings.offTopic.length).toBeGreaterThanOrEqual(1);
  });

  it('uses unique ids within each section', () => {
    for (const ids of [
      set.answerable.map((a) => a.id),
      set.unanswerable.map((u) => u.id),
      set.chrome.map((c) => c.id),
      set.followups.map((c) => c.id),
      set.briefings.general.facts.map((f) => f.id),
    ]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has article regions for exactly the seed files', () => {
    const files = readdirSync(DEFAULT_SEEDS_DIR)
      .filter((name) => extname(name) === '.txt')
      .map((name) => basename(name, '.txt'))
      .sort();
    expect(Object.keys(set.regions).sort()).toEqual(files);
  });

  it('expects only phrases that are article text of a seed (of the named documents, when given)', () => {
    const missing = answerPhrases.flatMap(({ id, phrases, documents }) =>
      phrases
        .filter((phrase) => !seedList.some((s) => (!documents || documents.includes(s.id)) && inArticle(s, phrase)))
        .map((phrase) => `${id}: ${phrase}`),
    );
    expect(missing).toEqual([]);
  });

  it('never lets a question give away its own expected phrase', () => {
    const echoed = answerPhrases.filter(({ q, phrases }) =>
      phrases.some((p) => foldForMatch(q).includes(foldForMatch(p))),
    );
    expect(echoed.map((e) => e.id)).toEqual([]);
  });

  it('builds briefing key facts only from article text', () => {
    const missing = factPhrases.filter(({ phrase }) => !seedList.some((s) => inArticle(s, phrase)));
    expect(missing).toEqual([]);
  });

  it('asks chrome questions whose answers appear only in page chrome', () => {
    const bad = set.chrome.flatMap((item) => {
      const seed = seeds.get(item.document);
      if (!seed) return [`${item.id}: unknown document ${item.document}`];
      return item.chrome.flatMap((phrase) => [
        ...(inChrome(seed, phrase) ? [] : [`${item.id}: "${phrase}" is not in the chrome of ${item.document}`]),
        ...seedList
          .filter((s) => inArticle(s, phrase))
          .map((s) => `${item.id}: "${phrase}" is article text of ${s.id}`),
      ]);
    });
    expect(bad).toEqual([]);
  });

  it('phrases questions in the reader’s words (no six-word run copied from a seed)', () => {
    const seedGrams = new Set(seedList.flatMap((s) => [...ngrams(words(s.raw), 6)]));
    const copied = allQuestions.filter((q) => [...ngrams(words(q), 6)].some((gram) => seedGrams.has(gram)));
    expect(copied).toEqual([]);
  });
});

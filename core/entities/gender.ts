import type { AnalyzedSentence } from './analyze-text.ts';
import type { Entity, Gender, Lexicon } from './lexicon.ts';
import { femaleFirstNames, knownPeople, maleFirstNames } from './vocabulary.ts';

const PRONOUN = /\b(he|his|him|himself|she|her|hers|herself)\b/gi;
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);

/** A first name from the built-in table counts as this many pronoun votes. */
const FIRST_NAME_WEIGHT = 3;

/**
 * Sets each person's gender from the text: every he/his/him or she/her votes for the nearest
 * person mentioned before it (in the sentence, else the last one of earlier sentences);
 * a known first name adds weight. Ties and people with no evidence stay null.
 */
export function inferGenders(lexicon: Lexicon, sentences: readonly AnalyzedSentence[]): void {
  const votes = new Map<Entity, number>();
  const vote = (entity: Entity, gender: Gender, weight: number) => {
    votes.set(entity, (votes.get(entity) ?? 0) + (gender === 'female' ? -weight : weight));
  };
  for (const entity of lexicon.entities) {
    if (entity.kind !== 'person') continue;
    const first = entity.name.split(' ')[0]?.toLowerCase() ?? '';
    const known = knownPeople().get(entity.id);
    if (known) vote(entity, known, FIRST_NAME_WEIGHT);
    if (entity.name.includes(' ') && maleFirstNames().has(first)) vote(entity, 'male', FIRST_NAME_WEIGHT);
    if (entity.name.includes(' ') && femaleFirstNames().has(first)) vote(entity, 'female', FIRST_NAME_WEIGHT);
  }
  let lastPerson: Entity | null = null;
  for (const sentence of sentences) {
    const persons = lexicon.findWords(sentence.words, true).filter((m) => m.entity.kind === 'person');
    for (const match of sentence.text.matchAll(PRONOUN)) {
      const before = persons.filter((m) => m.end <= match.index).at(-1)?.entity ?? lastPerson;
      if (before) vote(before, FEMALE.has((match[1] ?? '').toLowerCase()) ? 'female' : 'male', 1);
    }
    lastPerson = persons.at(-1)?.entity ?? lastPerson;
  }
  for (const [entity, score] of votes) {
    if (score !== 0) entity.gender = score > 0 ? 'male' : 'female';
  }
}

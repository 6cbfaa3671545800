import { describe, expect, it } from 'vitest';
import type { RetrievedPassage } from '../../core/corpus.ts';
import { buildContext } from '../../core/engines/extractive/context.ts';
import { quoteAsked } from '../../core/engines/extractive/question-type.ts';
import { sameSpeaker } from '../../core/engines/extractive/term-match.ts';
import { testPassage } from '../support/built-replies.ts';

const passage = (documentId: string, ordinal: number, text: string): RetrievedPassage =>
  testPassage({ documentId, text, title: null, outlet: null, publishedAt: '2024-03-04' }, ordinal);

/** The speakers (by display name) of the sentence of a one-passage article that contains `marker`. */
function speakersIn(text: string, marker: string): string[] {
  const ctx = buildContext([passage('a', 0, text)]);
  const unit = ctx.units.find((u) => u.text.includes(marker));
  if (!unit) throw new Error(`no unit holds ${marker}`);
  return [...unit.speakers].map((e) => e.name).sort();
}

describe('who speaks in a sentence', () => {
  it.each([
    // "according to X" names the source whatever else the sentence names.
    [
      'Foreign Minister Ana Duarte met Prime Minister Luis Quispe in Lima. The two sides agreed on a water plan, according to Duarte.',
      'water plan',
      ['Ana Duarte'],
    ],
    // "according to" a body, with a person speaking inside it: both are sources.
    [
      'President Luis Quispe met the envoys. According to the Andean Water Council, Quispe told them "the river is ours".',
      'river is ours',
      ['Andean Water Council', 'Luis Quispe'],
    ],
    // "…," he said: the person named in the sentence before, not a name after the verb.
    [
      'Foreign Minister Ana Duarte arrived in Lima on Monday. "We will sign nothing today," she told Prime Minister Luis Quispe.',
      'sign nothing',
      ['Ana Duarte'],
    ],
    // A pronoun whose gender is unknown: whoever spoke in the sentence before.
    [
      'The talks resume next week, foreign ministry spokesman Tomas Ferreyra said. "These were the hardest talks we have held," he said in an interview with Radio Andina.',
      'hardest talks',
      ['Tomas Ferreyra'],
    ],
    // Verbs of writing and posting report speech too.
    ['Envoy Marta Olsen met the delegation in Bergen. "We have a text," Olsen tweeted.', 'a text', ['Marta Olsen']],
    // A spokesperson for a body speaks for it as well.
    [
      'The bombing resumed at dawn. "It has returned," said Jens Arvid, spokesperson for the UN humanitarian office in Geneva.',
      'has returned',
      ['Jens Arvid', 'UN'],
    ],
  ])('%s', (text, marker, expected) => {
    expect(speakersIn(text, marker)).toEqual(expect.arrayContaining(expected));
  });

  it('does not take the person spoken to for the speaker', () => {
    const text =
      'Foreign Minister Ana Duarte arrived in Lima on Monday. "We will sign nothing today," she told Prime Minister Luis Quispe.';
    expect(speakersIn(text, 'sign nothing')).not.toContain('Luis Quispe');
  });
});

describe('quoteAsked', () => {
  it.each([
    ['what did duarte say about the plan', 'duarte'],
    ['how did the kremlin justify the decision', 'the kremlin'],
    ['what point did wang yi make about the deal', 'wang yi'],
    ['what warning did the envoy give', 'the envoy'],
    ["what was vucic's complaint about kurti", 'vucic'],
    ['where does lula stand on a shared currency', 'lula'],
    ['how did olsen react to the offer', 'olsen'],
  ])('%s → speaker %s', (tail, speaker) => {
    expect(quoteAsked(tail)?.speaker).toBe(speaker);
  });

  it.each([
    'what gift did the envoy give',
    'why did the kremlin condemn the plan',
    "what was duarte's position before",
    'where did the ministers sign the treaty',
  ])('%s is not a quote question', (tail) => {
    expect(quoteAsked(tail)).toBeNull();
  });
});

describe('sameSpeaker', () => {
  const ctx = buildContext([
    passage(
      'a',
      0,
      'President Oleh Zelenskiy met them. Later Zelensky spoke. Kremlin spokesman Dmitry Peskov spoke on Monday. Kosovo Prime Minister Albin Kurti arrived in Ohrid. NATO Secretary-General Jens Stoltenberg said yes. Stoltenberg left. The Kremlin said no. Voters in Kosovo stayed home.',
    ),
  ]);
  const entity = (id: string) => {
    const e = ctx.lexicon.get(id);
    if (!e) throw new Error(`no entity ${id}: ${ctx.lexicon.entities.map((x) => x.id).join(', ')}`);
    return e;
  };
  it.each([
    ['peskov', 'kremlin', null, true],
    // One surname spelt two ways by two outlets.
    ['zelensky', 'zelenskiy', null, true],
    ['kurti', 'kosovo', 'minister', true],
    ['kurti', 'kosovo', 'spokesman', false],
    ['peskov', 'kosovo', null, false],
    // A minister whose title names the country does not speak for it unless a minister is asked.
    ['kurti', 'kosovo', null, false],
  ])('%s speaks for %s (role %s): %s', (speaker, asked, role, expected) => {
    expect(sameSpeaker(entity(speaker), entity(asked), role)).toBe(expected);
  });
});

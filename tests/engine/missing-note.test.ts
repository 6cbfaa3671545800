import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../core/engines/extractive/answer-features.ts';
import type { ScoredCandidate } from '../../core/engines/extractive/compose-answer.ts';
import { missingNote } from '../../core/engines/extractive/missing-note.ts';
import type { Question } from '../../core/engines/extractive/question.ts';
import type { Unit } from '../../core/engines/extractive/units.ts';

const unit = { entities: new Set() } as unknown as Unit;
const question = (type: Question['type']) => ({ type, entities: [] }) as unknown as Question;
const candidate = (typed: boolean): ScoredCandidate => ({
  unit,
  x: FEATURES.map((f) => (f === 'typed' && typed ? 1 : 0)),
  z: 0,
  p: 0.5,
});

describe('missingNote', () => {
  it.each([
    ['person', 'who'],
    ['date', 'when'],
    ['place', 'where'],
    ['number', 'how many or how much'],
  ] as const)('says the sources do not say %s only when no candidate holds that kind of thing', (type, what) => {
    expect(missingNote(question(type), unit, [candidate(false)])).toContain(`do not say ${what}`);
    const honest = missingNote(question(type), unit, [candidate(false), candidate(true)]);
    expect(honest).not.toMatch(/do not say/);
    expect(honest).toMatch(/closest material/);
  });

  it('never claims a general question is unanswered by the sources', () => {
    expect(missingNote(question('general'), unit, [candidate(false)])).not.toMatch(/do not say/);
  });
});

import { describe, expect, it } from 'vitest';
import { type Example, fitLogistic } from './fit-logistic.ts';

describe('fitLogistic', () => {
  // Labels follow feature 1; feature 2 is noise that carries no information.
  const examples: Example[] = [];
  for (let i = 0; i < 40; i++) {
    const x1 = (i % 10) / 10;
    examples.push({ x: [1, x1, (i * 7) % 3], y: x1 >= 0.5 ? 1 : 0, w: 1 });
  }

  it('weighs the informative feature up and the noise near zero', () => {
    const [, informative, noise] = fitLogistic(examples, 1);
    expect(informative).toBeGreaterThan(2);
    expect(Math.abs(noise ?? 0)).toBeLessThan(0.5);
  });

  it('shrinks weights as the penalty grows, but not the bias', () => {
    const light = fitLogistic(examples, 0.1);
    const heavy = fitLogistic(examples, 100);
    expect(Math.abs(heavy[1] ?? 0)).toBeLessThan(Math.abs(light[1] ?? 0));
    // Three quarters negatives: with the features penalised away the bias alone says so.
    const skewed = examples.map((e, i) => ({ ...e, y: (i % 4 === 0 ? 1 : 0) as 0 | 1 }));
    expect(fitLogistic(skewed, 1e6)[0]).toBeCloseTo(Math.log(1 / 3), 1);
  });
});

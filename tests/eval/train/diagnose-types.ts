/**
 * `npx tsx tests/eval/train/diagnose-types.ts <dump.json> [--list]`: the answer-type test on the labelled answering
 * sentences. Reads the candidates `npm run train` dumps (TRAIN_DUMP) and, for every answerable question that asks for
 * a kind of thing (who, when, where, how many, how long…), counts its answering sentences (each distinct sentence
 * once per question) and those whose `typed` feature is below 1, grouped by the question's answer type, with a short
 * reason read off the sentence. For finding which kinds of answer the type test misses, not for tuning on one question.
 */
import { readFileSync } from 'node:fs';
import { FEATURES } from '../../../core/engines/extractive/answer-features.ts';
import { numeral, statesDuration } from '../../../core/engines/extractive/answer-types.ts';
import { countedLemma, detectType } from '../../../core/engines/extractive/question-type.ts';
import { foldCase } from '../../../core/language/fold.ts';
import { parse } from '../../../core/language/parse.ts';
import { words } from '../../../core/language/words.ts';
import type { Asked } from './collect-candidates.ts';

const [path, flag] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: diagnose-types <TRAIN_DUMP file> [--list]\n');
  process.exit(1);
}
const asked = JSON.parse(readFileSync(path, 'utf8')) as Asked[];
const TYPED = FEATURES.indexOf('typed');
const TYPED_QUESTION = FEATURES.indexOf('typedQuestion');

/** The numbers of a sentence with the three words after each: what they count. */
function counts(text: string): string[] {
  const ws = words(text);
  return ws.flatMap((w, i) =>
    numeral(w.lower)
      ? [
          ws
            .slice(i, i + 4)
            .map((x) => x.lower)
            .join(' '),
        ]
      : [],
  );
}

/** A short reason the sentence fails its question's type, read off the text alone. */
function reason(type: string, question: string, text: string): string {
  if (type === 'number') {
    const counted = countedLemma(parse(question));
    const found = counts(text);
    return found.length === 0 ? 'no number' : `asks ${counted ?? '?'}; counts ${found.join(' | ')}`;
  }
  if (type === 'duration') return statesDuration(text) ? 'duration pattern, question words' : 'no length of time';
  return `no new ${type}`;
}

const groups = new Map<string, { total: number; failing: string[] }>();
let total = 0;
let failing = 0;
for (const q of asked) {
  if (!q.answerable) continue;
  const seen = new Set<string>();
  const type = detectType(foldCase(q.question).replaceAll('’', "'")).type;
  for (const c of q.candidates) {
    if (!c.positive || c.x[TYPED_QUESTION] !== 1 || seen.has(c.text)) continue;
    seen.add(c.text);
    const group = groups.get(type) ?? { total: 0, failing: [] };
    groups.set(type, group);
    group.total++;
    total++;
    const typed = c.x[TYPED] ?? 0;
    if (typed >= 1) continue;
    failing++;
    group.failing.push(
      `  ${q.story} ${q.id} (typed ${typed}): ${q.question}\n    ${c.text.slice(0, 200)}\n    → ${reason(type, q.question, c.text)}`,
    );
  }
}
const out = [`typed answering sentences ${total}, failing the type test ${failing}`];
for (const [type, g] of [...groups].sort((a, b) => b[1].failing.length - a[1].failing.length)) {
  out.push(`${type.padEnd(10)} ${g.failing.length}/${g.total} failing`);
  if (flag === '--list') out.push(...g.failing);
}
process.stdout.write(`${out.join('\n')}\n`);

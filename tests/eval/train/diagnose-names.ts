/**
 * `npx tsx tests/eval/train/diagnose-names.ts`: for every corpus-dev answerable question, the names and words of the
 * question that the sentence holding an expected phrase does not match (entity not found in it, name part unknown to
 * the lexicon, content term with no credit). For finding kinds of name and spelling failures, not for tuning on one
 * question.
 */

import type { RetrievedPassage } from '../../../core/corpus.ts';
import { analyzeQuestion } from '../../../core/engines/extractive/question.ts';
import { entityCredit, termCredit } from '../../../core/engines/extractive/term-match.ts';
import { buildUnits } from '../../../core/engines/extractive/units.ts';
import { analyzeText } from '../../../core/entities/analyze-text.ts';
import { buildLexicon } from '../../../core/entities/lexicon.ts';
import { loadCorpusDev, storyOfFile } from '../corpus-dev/load-corpus-dev.ts';

const dev = loadCorpusDev();
if (!dev) throw new Error('../shared/corpus-dev is not beside the project');
const byStory = new Map<string, RetrievedPassage[]>();
for (const page of dev.pages) {
  const list = byStory.get(page.story) ?? [];
  page.raw
    .split(/\n+/)
    .filter((l) => l.trim().length > 0)
    .forEach((text, ordinal) => {
      list.push({
        id: `${page.id}:${ordinal}`,
        documentId: page.id,
        ordinal,
        text,
        score: 1,
        document: { id: page.id, title: page.id, outlet: page.outlet, url: page.url, publishedAt: null },
      } as unknown as RetrievedPassage);
    });
  byStory.set(page.story, list);
}
const turns = [
  ...dev.questions.answerable,
  ...dev.questions.followups.flatMap((f) => f.turns.map((t, i) => ({ ...t, id: `${f.id}#${i + 1}` }))),
];
let entityMiss = 0;
let termMiss = 0;
for (const q of turns) {
  const story = storyOfFile(q.support[0] ?? '');
  const passages = byStory.get(story) ?? [];
  const lexicon = buildLexicon(passages.map((p) => analyzeText(p.text)));
  const answering = passages.filter((p) => q.must_cite_any.some((ph) => p.text.includes(ph)));
  if (answering.length === 0) continue;
  const units = buildUnits(answering, lexicon).filter((u) => q.must_cite_any.some((ph) => u.text.includes(ph)));
  if (units.length === 0) continue;
  const question = analyzeQuestion(q.question, lexicon, units);
  const lines: string[] = [];
  for (const e of question.entities) {
    if (!units.some((u) => entityCredit(u, e) > 0))
      lines.push(`  entity ${e.id} (${[...e.forms].join('|')}) not in answer`);
  }
  if (question.unknownNames.length) lines.push(`  unknown names: ${question.unknownNames.join(', ')}`);
  const missing = question.terms.filter((t) => !units.some((u) => termCredit(u, t) > 0));
  if (missing.length) lines.push(`  terms without credit: ${missing.map((t) => t.stem).join(', ')}`);
  if (lines.length === 0) continue;
  if (lines.some((l) => l.includes('entity') || l.includes('unknown'))) entityMiss++;
  if (missing.length) termMiss++;
  process.stdout.write(`## ${q.id} ${q.question}\n${lines.join('\n')}\n  answer: ${units[0]?.text.slice(0, 200)}\n`);
}
process.stdout.write(`${entityMiss} questions with a name not matched, ${termMiss} with a term without credit\n`);

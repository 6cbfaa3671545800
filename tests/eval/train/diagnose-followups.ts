/**
 * `npx tsx tests/eval/train/diagnose-followups.ts [oracle.json]`: where each corpus-dev follow-up turn is lost. Asks
 * every chain with its story's fold model and prints, per turn, the question as resolved, the reply's status, the
 * rank of the first passage handed to the engine that holds an expected phrase, whether the reply cited another
 * story, and whether the resolved question answers right when asked alone. An optional oracle file
 * (`{"df01#2": "a standalone wording of the turn"}`, kept outside the repository) adds whether the turn's
 * standalone wording answers right, which separates turns lost to the thread from turns whose question fails alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { AttacheApi } from '../../../core/api.ts';
import type { Reply } from '../../../core/reply.ts';
import { storyOfQuestion } from '../corpus-dev/dev-stories.ts';
import { loadCorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { withDevApp } from '../corpus-dev/with-dev-app.ts';
import { FOLDS_FILE } from '../load-eval-set.ts';
import { attacheWithModel, loadFoldModels } from '../model-attache.ts';
import { answerMatches, containsAny } from '../score.ts';

const dev = loadCorpusDev();
if (!dev) throw new Error('../shared/corpus-dev is not beside the project');
const oracle: Record<string, string> = process.argv[2] ? JSON.parse(readFileSync(process.argv[2], 'utf8')) : {};
const folds = existsSync(FOLDS_FILE) ? loadFoldModels() : new Map();
const storyOf = storyOfQuestion(dev);
const storyOfDocument = (id: string) => (/^\d{3}_/.test(id) ? 'seeds' : id.replace(/-\d+$/, ''));
const kinds = new Map<string, number>();
const count = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
const out: string[] = [];

await withDevApp(dev, async (app) => {
  const apis = new Map<string, AttacheApi>();
  const apiFor = (story: string) => {
    let api = apis.get(story);
    if (!api) {
      const model = folds.get(story);
      api = model ? attacheWithModel(app, model) : app.attache;
      apis.set(story, api);
    }
    return api;
  };
  const alone = async (story: string, question: string, phrases: readonly string[], tag: string) => {
    const reply = await apiFor(story).ask({ question, conversation: `console:diag-alone-${tag}` });
    return answerMatches(reply, phrases);
  };
  for (const chain of dev.questions.followups) {
    const first = chain.turns[0];
    const story = storyOf(first?.question ?? '', first?.support);
    let firstRight = false;
    for (const [i, turn] of chain.turns.entries()) {
      const id = `${chain.id}#${i + 1}`;
      const conversation = `console:diag-${chain.id}`;
      const reply: Reply = await apiFor(story).ask({ question: turn.question, conversation });
      const why = await apiFor(story).why({ conversation });
      const right = answerMatches(reply, turn.must_cite_any);
      if (i === 0) firstRight = right;
      const records = why?.passages ?? [];
      const texts = new Map((await app.corpus.getPassages(records.map((r) => r.passageId))).map((p) => [p.id, p.text]));
      const rank = records.findIndex((r) => containsAny(texts.get(r.passageId) ?? '', turn.must_cite_any));
      const offStory = reply.citations.filter((c) => storyOfDocument(c.documentId) !== story).length;
      const resolved = why?.resolvedRequest ?? turn.question;
      const resolvedAlone = i > 0 && !right ? await alone(story, resolved, turn.must_cite_any, `r-${id}`) : null;
      const wording = oracle[id];
      const oracleAlone = wording && !right ? await alone(story, wording, turn.must_cite_any, `o-${id}`) : null;
      let kind = 'right';
      if (!right) {
        if (i === 0) kind = 'first question fails';
        else if (oracleAlone === false)
          kind = firstRight ? 'fails alone too' : 'fails alone too (after a failed turn 1)';
        else if (rank < 0)
          kind = offStory > 0 ? 'thread: answer not retrieved, cites another story' : 'thread: answer not retrieved';
        else kind = 'thread: answer retrieved, not chosen';
      }
      count(kind);
      out.push(
        `${id} [${story}] ${right ? 'RIGHT' : reply.status.toUpperCase()}  (${kind})`,
        `   q: ${turn.question}`,
        ...(resolved !== turn.question ? [`   resolved: ${resolved}`] : []),
        `   answer passage rank: ${rank < 0 ? '—' : rank + 1}/${why?.retrieved ?? 0}; cited other story: ${offStory}/${reply.citations.length}` +
          (resolvedAlone === null ? '' : `; resolved alone: ${resolvedAlone ? 'right' : 'wrong'}`) +
          (oracleAlone === null ? '' : `; oracle alone: ${oracleAlone ? 'right' : 'wrong'}`),
        `   quote: ${(reply.citations[0]?.quote ?? '—').slice(0, 160)}`,
        `   cited: ${reply.citations.map((c) => c.documentId).join(' ')}; given: ${[...new Set(records.map((r) => r.documentId))].join(' ')}`,
      );
    }
  }
});
process.stdout.write(`${out.join('\n')}\n\n${[...kinds].map(([k, n]) => `${k}: ${n}`).join('\n')}\n`);

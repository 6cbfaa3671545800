import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ArticleRegions } from './seed-text.ts';

/** Where the evaluation data lives (tests/eval/data). */
export const EVAL_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data');

/** The per-story answer models `npm run train` fits for held-out figures (each story: a model fitted without it). */
export const FOLDS_FILE = join(EVAL_DATA_DIR, 'answer-model-folds.json');

/** The per-story briefing models `npm run train:briefing` fits (each corpus-dev story: a model fitted without it). */
export const BRIEFING_FOLDS_FILE = join(EVAL_DATA_DIR, 'briefing-model-folds.json');

/** One phrase or a list of acceptable alternatives; always a list after parsing. */
const phrases = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((value) => (typeof value === 'string' ? [value] : value));

const documents = z.array(z.string().min(1)).min(1).optional();

const answerable = z.object({ id: z.string().min(1), q: z.string().min(1), expect: phrases, documents });
const unanswerable = z.object({ id: z.string().min(1), q: z.string().min(1), why: z.string().optional() });
const chrome = z.object({ id: z.string().min(1), q: z.string().min(1), chrome: phrases, document: z.string().min(1) });

const turn = z
  .object({ q: z.string().min(1), expect: phrases.optional(), refuse: z.literal(true).optional(), documents })
  .refine((t) => (t.expect === undefined) !== (t.refuse === undefined), {
    message: 'a turn needs exactly one of "expect" and "refuse"',
  });
const chain = z.object({ id: z.string().min(1), turns: z.array(turn).min(2) });

const fact = z.object({ id: z.string().min(1), label: z.string().min(1), phrases });
const briefings = z.object({
  general: z.object({ facts: z.array(fact).min(1) }),
  topics: z.array(z.object({ topic: z.string().min(1), facts: z.array(fact).min(1) })),
  offTopic: z.array(z.object({ topic: z.string().min(1), why: z.string().optional() })),
});

const regions = z.record(z.string(), z.array(z.tuple([z.number().int(), z.number().int()])).min(1));

export type AnswerableItem = z.infer<typeof answerable>;
export type UnanswerableItem = z.infer<typeof unanswerable>;
export type ChromeItem = z.infer<typeof chrome>;
export type FollowupTurn = z.infer<typeof turn>;
export type FollowupChain = z.infer<typeof chain>;
export type BriefingFact = z.infer<typeof fact>;
export type BriefingSet = z.infer<typeof briefings>;

export interface EvalSet {
  answerable: AnswerableItem[];
  unanswerable: UnanswerableItem[];
  chrome: ChromeItem[];
  followups: FollowupChain[];
  briefings: BriefingSet;
  regions: ArticleRegions;
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const path = join(dir, file);
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** Reads and validates the evaluation data files (shapes in tests/eval/README.md). */
export function loadEvalSet(dir: string = EVAL_DATA_DIR): EvalSet {
  return {
    answerable: readJson(dir, 'answerable.json', z.array(answerable)),
    unanswerable: readJson(dir, 'unanswerable.json', z.array(unanswerable)),
    chrome: readJson(dir, 'chrome.json', z.array(chrome)),
    followups: readJson(dir, 'followups.json', z.array(chain)),
    briefings: readJson(dir, 'briefings.json', briefings),
    regions: readJson(dir, 'article-regions.json', regions) as ArticleRegions,
  };
}

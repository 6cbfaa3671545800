import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The shared development corpus (real news pages with their chrome, and questions in users' words). It lives
 * beside the project, never inside it: `CORPUS_DEV_DIR`, else `../shared/corpus-dev` from the project root.
 */
export function corpusDevDir(): string {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  return process.env.CORPUS_DEV_DIR ?? join(root, '..', 'shared', 'corpus-dev');
}

const phrases = z.array(z.string().min(1)).min(1);
const answerable = z.object({
  id: z.string(),
  question: z.string(),
  must_cite_any: phrases,
  support: z.array(z.string()),
});
const questionsSchema = z.object({
  answerable: z.array(answerable),
  unanswerable: z.array(z.object({ id: z.string(), question: z.string() })),
  followups: z.array(z.object({ id: z.string(), turns: z.array(answerable.omit({ id: true })).min(1) })),
  chrome_traps: z.array(z.object({ id: z.string(), question: z.string(), chrome_phrase: z.string() })),
  briefings: z.array(
    z.object({ topic: z.string(), facts: z.array(z.object({ fact: z.string(), must_cite_any: phrases })) }),
  ),
});
const manifestSchema = z.array(
  z.object({
    file: z.string(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    story: z.string(),
  }),
);
const chromeSchema = z.array(z.object({ file: z.string(), chrome_lines: z.array(z.string()) }));

export type DevQuestions = z.infer<typeof questionsSchema>;
export type DevAnswerable = z.infer<typeof answerable>;
export type DevManifestEntry = z.infer<typeof manifestSchema>[number];

/** One page of the development corpus. */
export interface DevPage extends DevManifestEntry {
  /** The document id it is ingested under (the file name without `.txt`). */
  id: string;
  path: string;
  raw: string;
  chromeLines: string[];
}

export interface CorpusDev {
  dir: string;
  pages: DevPage[];
  questions: DevQuestions;
}

function readJson<T>(path: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** Reads the development corpus, or returns null when it is not beside the project. */
export function loadCorpusDev(dir: string = corpusDevDir()): CorpusDev | null {
  if (!existsSync(join(dir, 'questions.json'))) return null;
  const manifest = new Map(readJson(join(dir, 'manifest.json'), manifestSchema).map((e) => [e.file, e]));
  const chrome = new Map(readJson(join(dir, 'chrome.json'), chromeSchema).map((e) => [e.file, e.chrome_lines]));
  const pages = readdirSync(join(dir, 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file): DevPage => {
      const meta = manifest.get(file);
      if (!meta) throw new Error(`${dir}: ${file} is not in manifest.json`);
      const path = join(dir, 'pages', file);
      return {
        ...meta,
        id: file.replace(/\.txt$/, ''),
        path,
        raw: readFileSync(path, 'utf8'),
        chromeLines: chrome.get(file) ?? [],
      };
    });
  return { dir, pages, questions: readJson(join(dir, 'questions.json'), questionsSchema) };
}

/** The story slug of a page file name ("grain-deal-02.txt" → "grain-deal"). */
export const storyOfFile = (file: string): string => file.replace(/-\d+(?:\.txt)?$/, '');

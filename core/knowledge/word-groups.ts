import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';

const groups = z.array(z.array(z.string().min(1)).min(2));
const aliasFile = z.object({ aliases: groups });
const synonymFile = z.object({ synonyms: groups });
const peopleFile = z.object({
  femaleFirstNames: z.array(z.string()).default([]),
  maleFirstNames: z.array(z.string()).default([]),
  knownPeople: z.record(z.string(), z.enum(['male', 'female'])).default({}),
});

export type WordGroups = readonly (readonly string[])[];
export type PeopleData = z.infer<typeof peopleFile>;

const lower = (g: WordGroups): string[][] => g.map((words) => words.map((w) => w.toLowerCase().trim()));

function read<T>(url: URL | string, schema: z.ZodType<T>, name: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(url, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      name,
      `${name}: cannot read ${String(url)} as JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(name, `${name}: ${String(url)} ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
  return parsed.data;
}

// The committed files are read and checked on first use, not when the module loads: validating them is a cold
// start of zod's parsers (about 10 ms) that commands which never read text (`sources`) should not pay.
let committed: { aliases: string[][]; synonyms: string[][]; people: PeopleData } | undefined;
function base(): NonNullable<typeof committed> {
  committed ??= {
    aliases: lower(read(new URL('./aliases.json', import.meta.url), aliasFile, 'aliases').aliases),
    synonyms: lower(read(new URL('./synonyms.json', import.meta.url), synonymFile, 'synonyms').synonyms),
    people: read(new URL('./people.json', import.meta.url), peopleFile, 'people'),
  };
  return committed;
}
/** What the operator's files added (`extendKnowledge`), or undefined for the committed data alone. */
let aliases: string[][] | undefined;
let people: PeopleData | undefined;
let version = 0;
let loaded = '';

/**
 * Domain aliases (countries, capitals, institutions news writing names one another by), from
 * core/knowledge/aliases.json plus what the operator adds.
 */
export const aliasGroups = (): WordGroups => aliases ?? base().aliases;

/** General English word groups (core/knowledge/synonyms.json). */
export const synonymGroupsData = (): WordGroups => base().synonyms;

/** First names and surname-only people with their gender (core/knowledge/people.json plus the operator's). */
export const peopleData = (): PeopleData => people ?? base().people;

/** Bumped whenever the operator adds data, so derived indexes rebuild. */
export const knowledgeVersion = (): number => version;

/**
 * Adds the operator's domain knowledge at start-up: `ALIASES_FILE` (`{"aliases": [["…", "…"], …]}`) and
 * `PEOPLE_FILE` (same shape as core/knowledge/people.json), replacing what an earlier call added. Throws
 * ConfigError naming the file when unreadable.
 */
export function extendKnowledge(files: { aliasesFile?: string | undefined; peopleFile?: string | undefined }): void {
  const key = `${files.aliasesFile ?? ''}\0${files.peopleFile ?? ''}`;
  if (key === loaded) return;
  aliases = files.aliasesFile
    ? [...base().aliases, ...lower(read(files.aliasesFile, aliasFile, 'ALIASES_FILE').aliases)]
    : undefined;
  people = undefined;
  if (files.peopleFile) {
    const extra = read(files.peopleFile, peopleFile, 'PEOPLE_FILE');
    const basePeople = base().people;
    people = {
      femaleFirstNames: [...basePeople.femaleFirstNames, ...extra.femaleFirstNames.map((n) => n.toLowerCase())],
      maleFirstNames: [...basePeople.maleFirstNames, ...extra.maleFirstNames.map((n) => n.toLowerCase())],
      knownPeople: {
        ...basePeople.knownPeople,
        ...Object.fromEntries(Object.entries(extra.knownPeople).map(([k, v]) => [k.toLowerCase(), v])),
      },
    };
  }
  loaded = key;
  version += 1;
}

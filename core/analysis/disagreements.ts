/**
 * Contradictions between outlets: the same thing (a count of one noun, a duration, the date of an
 * event, the speaker of a quoted line) given with values that cannot all be true.
 */
import type { RetrievedPassage } from '../corpus.ts';
import { collapseWhitespace } from '../language/quotes.ts';
import { type Fact, overlap, passageFacts, sharedWords } from './facts.ts';

/** One version of the value and the facts (sentences) giving it, one per document. */
export interface FoundVersion {
  display: string;
  facts: Fact[];
}

export interface FoundDisagreement {
  about: string;
  versions: FoundVersion[];
}

/** How much of their clause two facts must share to be about the same event, by type. */
const SAME_EVENT: Record<Fact['type'], number> = { count: 0.15, duration: 0.25, date: 0.3, speaker: 0 };
/** Disagreements reported per reply at most (the most widely sourced first). */
const MAX_REPORTED = 1;

/** Whether two facts (of any documents) measure the same thing. */
function sameThing(a: Fact, b: Fact): boolean {
  if (a === b || a.type !== b.type || a.key !== b.key) return false;
  return a.type === 'speaker' || overlap(a.context, b.context) >= SAME_EVENT[a.type];
}

function agree(a: Fact, b: Fact): boolean {
  if (a.type === 'speaker') return (a.label ?? '').toLowerCase() === (b.label ?? '').toLowerCase();
  return a.low <= b.high && b.low <= a.high;
}

function describe(facts: readonly Fact[]): string {
  const first = facts[0] as Fact;
  if (first.type === 'count') return `the number of ${first.key}`;
  if (first.type === 'speaker') {
    const line = /["“]([^"“”]+)["”]/.exec(first.sentence)?.[1] ?? '';
    const opening = line
      .trim()
      .split(/\s+/)
      .slice(0, 5)
      .join(' ')
      .replace(/[,.;:]+$/, '');
    return `who said the words beginning “${opening}”`;
  }
  const shared = facts.slice(1).reduce((words, f) => words.filter((w) => f.context.has(w)), [...first.context]);
  const topic = (shared.length > 0 ? shared : sharedWords(first.context, (facts[1] as Fact).context))
    .slice(0, 3)
    .join(', ');
  const what = first.type === 'date' ? 'the date' : 'how long it lasted';
  return topic ? `${what} (${topic})` : what;
}

/** Splits a group of facts about one thing into versions whose values agree. */
function versionsOf(group: readonly Fact[]): FoundVersion[] | null {
  const versions: Fact[][] = [];
  for (const fact of group) {
    const home = versions.find((v) => v.some((f) => agree(f, fact)));
    if (home) {
      if (!home.some((f) => f.passage.documentId === fact.passage.documentId)) home.push(fact);
    } else versions.push([fact]);
  }
  // A document in two versions gives two values itself: the facts are likely about different things.
  const documents = versions.map((v) => new Set(v.map((f) => f.passage.documentId)));
  for (let i = 0; i < documents.length; i++) {
    for (let j = i + 1; j < documents.length; j++) {
      if ([...(documents[i] as Set<string>)].some((d) => (documents[j] as Set<string>).has(d))) return null;
    }
  }
  if (versions.length < 2) return null;
  return versions.map((facts) => ({ display: (facts[0] as Fact).display, facts }));
}

/**
 * Disagreements between what the reply cites and the other passages at hand. Only a fact stated
 * in a cited quote starts a comparison, so every disagreement is about something the reply says;
 * an empty list means the sources agree (or give no comparable values).
 */
export function findDisagreements(
  cited: readonly { passage: RetrievedPassage; quote: string }[],
  candidates: readonly RetrievedPassage[],
): FoundDisagreement[] {
  const citedFacts = cited.flatMap(({ passage, quote }) => {
    const q = collapseWhitespace(quote);
    return passageFacts(passage, {
      sentence: (text) => {
        const s = collapseWhitespace(text);
        return s.includes(q) || q.includes(s);
      },
    });
  });
  if (citedFacts.length === 0) return [];
  const seen = new Set<string>();
  const pool = [...new Map([...cited.map((c) => c.passage), ...candidates].map((p) => [p.id, p])).values()];
  // Only facts of the kinds cited can be about the same thing (sameThing): the others are never extracted.
  const types = new Set(citedFacts.map((f) => f.type));
  const others = pool.flatMap((p) => passageFacts(p, { types }));
  const found: FoundDisagreement[] = [];
  for (const fact of citedFacts) {
    const group = [fact, ...others.filter((o) => sameThing(fact, o))];
    const versions = versionsOf(group);
    if (!versions) continue;
    const signature = `${fact.type}:${fact.key}:${versions
      .map((v) => v.display)
      .sort()
      .join('|')}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    found.push({ about: describe(group), versions });
  }
  return found
    .sort((a, b) => b.versions.flatMap((v) => v.facts).length - a.versions.flatMap((v) => v.facts).length)
    .slice(0, MAX_REPORTED);
}

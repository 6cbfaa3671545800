import type { Entity, Lexicon } from '../../entities/lexicon.ts';
import { foldCase } from '../../language/fold.ts';
import { lemma as stem } from '../../language/lemma.ts';
import { parse } from '../../language/parse.ts';
import { isStopword, words } from '../../language/words.ts';
import {
  type AnswerType,
  countedLemma,
  detectType,
  focusVerb,
  LIGHT,
  type QuestionForm,
  questionForm,
  quoteAsked,
  TYPE_NOUNS,
} from './question-type.ts';
import { anyUnitHasTerm, type Term } from './term-match.ts';
import type { Unit } from './units.ts';

export type { AnswerType } from './question-type.ts';

export interface Question {
  type: AnswerType;
  terms: Term[];
  /** People, places and organisations the question names: the answer must concern them. */
  entities: Entity[];
  /** Capitalised names that no retrieved passage mentions. */
  unknownNames: string[];
  /** quote: whose words; role: whose position. */
  subject: Entity | null;
  /** The verb of a quote question ("warn", "urge"), as a term. */
  verb: Term | null;
  /** The main verb of another question ("hosted", "agreed"): the answer must say it, in some form. */
  focus: Term | null;
  /** What that verb governs ("launch its invasion"), when the sources use the word: also required. */
  object: Term | null;
  /** number: the stem of what is counted ("troops"). */
  counted: string | null;
  /** Whether it asks for a cause ("why") or for a yes or a no ("did they sign?"). */
  form: QuestionForm;
  /** "Who is the ministry's spokeswoman?", "what did Chile's trade minister say": the role the answer's person must hold. */
  role: string | null;
  /** Whose role it is ("the Kremlin's", "of Ukraine"): the answer must tie the role to them. */
  roleOf: Entity[];
  /** "According to Reuters, …": only that outlet's reports answer. */
  outlet: string | null;
  /** "At which building …": the place must be a venue, not a city. */
  venue: boolean;
  /** Lower-case words of the question: an answer must add something beyond them. */
  words: Set<string>;
}

/** Words that frame a question without adding content. */
const FRAME = new Set(
  'regarding concerning exactly approximately roughly view according together previously currently recently actually really still ever already one two three four five six seven eight nine ten hi hello hey thanks thank'.split(
    ' ',
  ),
);
/** Verbs a place answer implies ("hosted", "held", "based"). */
const PLACE_VERBS = new Set(['host', 'hold', 'stage', 'happen', 'occur', 'locat', 'base', 'situat', 'take'].map(stem));
const QUESTION_WORDS = new Set('who whom whose what which when where why how'.split(' '));
// A \p{…} literal becomes `new RegExp(…)` per call under the esbuild target (tsx, the dist build).
const CAPITALISED = /^\p{Lu}/u;
const ROLE_NOUN =
  /^who (?:is|was) (?:the )?(?:[\w']+ ){0,3}?(spokesman|spokeswoman|spokesperson|ambassador|minister|secretary|adviser|advisor|director|head|chief|envoy|president|leader|representative)\b(?: (?:of|for|to) (?:the )?[\w-]+(?: [A-Z][\w-]*)?)?/;

/** "What did Chile's trade minister say": the post whose holder must speak (its last word). */
const SPEAKER_ROLE =
  /\b(spokesman|spokeswoman|spokesperson|ambassador|minister|secretary|adviser|advisor|director|head|chief|envoy|president|leader|representative|negotiator|ministry|office|department|embassy)$/;

/** "According to Reuters, …": the outlet named, when it is one of the passages' outlets. */
function outletOf(lower: string, units: readonly Unit[]): string | null {
  const named = /according to ([^,?]+)/.exec(lower)?.[1]?.trim();
  if (!named) return null;
  const outlets = new Set(units.map((u) => u.passage.document.outlet).filter((o): o is string => !!o));
  return [...outlets].find((o) => o.toLowerCase() === named) ?? null;
}

/** Reads what a question asks: its answer type, content terms, the entities it names, and names nobody mentions. */
export function analyzeQuestion(text: string, lexicon: Lexicon, units: readonly Unit[]): Question {
  const lower = foldCase(text).replaceAll('’', "'");
  const detected = detectType(lower);
  const { tail } = detected;
  const outlet = outletOf(lower, units);
  const ws = words(text);
  const mentions = lexicon.findWords(ws).filter((m) => m.entity.kind !== 'other');
  const inMention = (start: number) => mentions.some((m) => start >= m.start && start < m.end);
  // "Who is Ana Ruiz?": a person named and nothing else asks for their position.
  const bare = /^who (?:is|was) (.+?)\??$/.exec(tail)?.[1] ?? '';
  const named = bare ? lexicon.find(bare) : [];
  // Only when the name is all there is ("who was Ortega really aiming at?" asks for a person, not a post).
  const rest = named[0] ? `${bare.slice(0, named[0].start)} ${bare.slice(named[0].end)}`.trim() : bare;
  const whoIs =
    named.length === 1 && named[0]?.entity.kind === 'person' && /^(?:the|mr\.?|ms\.?|mrs\.?|dr\.?)?$/.test(rest);
  const type: AnswerType = whoIs ? 'role' : detected.type;
  const quote = type === 'quote' ? quoteAsked(tail) : null;
  const subjectText = quote?.speaker ?? (type === 'role' ? tail.replace(/^\w+ \w+ /, '') : '');
  const subject = subjectText ? (lexicon.find(subjectText)[0]?.entity ?? null) : null;
  const skip = new Set<string>([...QUESTION_WORDS, ...FRAME]);
  if (type !== 'general' && type !== 'quote') for (const noun of TYPE_NOUNS) skip.add(noun);
  if (outlet) for (const w of outlet.toLowerCase().split(' ')) skip.add(w);
  const verbWord = quote?.verb?.split(' ')[0];
  const nameWords = new Set(lexicon.entities.flatMap((e) => [...e.forms].flatMap((f) => f.split(' '))));
  const isNameWord = (w: string) => nameWords.has(w) || /^(?:he|she|they|it)$/.test(w);
  const parsed = parse(text);
  const found = type === 'quote' ? null : focusVerb(parsed, isNameWord);
  // "Which city hosted …" asks where, and "in Geneva" says it was hosted there.
  const roleMatch = type === 'person' ? ROLE_NOUN.exec(tail) : null;
  const focus = found && !(type === 'place' && PLACE_VERBS.has(stem(found.verb))) ? found : null;
  const objectTerm = focus?.object ? { stem: stem(focus.object), weight: 1 } : null;
  const terms: Term[] = [];
  const unknownNames: string[] = [];
  let lastUnknown = -2;
  ws.forEach((w, i) => {
    if (inMention(w.start)) return;
    const parts = w.lower.split('-').filter((p) => p.length > 1 && !isStopword(p) && !skip.has(p));
    const unknown: string[] = [];
    for (const part of parts) {
      if (part === verbWord || LIGHT.has(stem(part))) continue;
      const term = { stem: parts.length > 1 ? stem(part) : w.stem, weight: 1 };
      // The first word is capitalised anyway, so it says nothing about being a name.
      const capitalised = CAPITALISED.test(w.text) && i > 0;
      if (capitalised && !anyUnitHasTerm(units, term)) unknown.push(part);
      else terms.push(term);
    }
    // A name is unknown when no part of it ("US-Russia": "usa", "russia") appears anywhere.
    if (unknown.length > 0 && unknown.length === parts.length) {
      // Capitalised words in a row are one name ("Maria Costa").
      if (lastUnknown === i - 1 && unknownNames.length > 0) unknownNames[unknownNames.length - 1] += ` ${w.text}`;
      else unknownNames.push(w.text);
      lastUnknown = i;
    } else for (const part of unknown) terms.push({ stem: stem(part), weight: 1 });
  });
  return {
    type,
    terms: joinCompounds(terms, units),
    entities: [...new Set(mentions.map((m) => m.entity))],
    unknownNames,
    subject,
    verb: verbWord ? { stem: stem(verbWord), weight: 1 } : null,
    focus: focus ? { stem: stem(focus.verb), weight: 1 } : null,
    object: objectTerm && anyUnitHasTerm(units, objectTerm) ? objectTerm : null,
    counted: type === 'number' ? countedLemma(parsed) : null,
    form: questionForm(lower),
    role: roleMatch?.[1] ?? (quote ? (SPEAKER_ROLE.exec(quote.speaker)?.[1] ?? null) : null),
    roleOf: roleMatch
      ? lexicon
          .find(roleMatch[0])
          .map((m) => m.entity)
          .filter((e) => e.kind !== 'person')
      : [],
    outlet,
    venue: type === 'place' && /^(?:what|which) (?:building|venue|site)\b/.test(tail),
    words: new Set(ws.map((w) => w.lower.replace(/'s$/, ''))),
  };
}

/** "front line" → "frontline" when the sources write it as one word. */
function joinCompounds(terms: Term[], units: readonly Unit[]): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < terms.length; i++) {
    const a = terms[i] as Term;
    const b = terms[i + 1];
    const joined = b ? { stem: stem(a.stem + b.stem), weight: 1 } : null;
    if (joined && units.some((u) => u.stems.has(joined.stem))) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}

import { knowledgeVersion, peopleData } from '../knowledge/word-groups.ts';

/** Word lists the entity extractor relies on: general English, not tied to any corpus. */

const set = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Title words that precede a person's name ("Deputy Foreign Minister Sergei Ryabkov"). */
export const TITLE_WORDS = set(`president vice deputy foreign minister secretary prime ambassador spokesman spokeswoman
spokesperson chief director general chancellor envoy adviser advisor senator sen rep gov governor mr mrs ms dr king queen
prince princess pope judge mayor commander admiral colonel gen lt undersecretary assistant defense defence interior
premier chairman chairwoman justice attorney sheikh emir sultan leader head`);

/** Lower-case nouns that, right before a name, make it a person ("spokesman Dmitry Peskov"). */
export const ROLE_NOUNS = set(`spokesman spokeswoman spokesperson adviser advisor chief minister envoy diplomat official
counterpart president leader director ambassador secretary negotiator representative premier chancellor commander
general senator governor mayor judge correspondent reporter analyst expert professor lawyer host candidate`);

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = set(`organization organisation council department ministry union agency center centre mission
conference alliance committee party kremlin government administration bank court institute university group forum pact
commission parliament congress senate house assembly service services office corporation company news agencies
bureau foundation fund association federation league army navy community`);

/** Words that make a capitalised run a place. */
export const PLACE_WORDS = set(`lake sea peninsula ocean river mountains mountain island islands europe asia africa
america city square street gulf bay strait region province state republic`);

/** Words that write a state out in full: "the Republic of Chile", "the Kingdom of Norway" are Chile and Norway. */
export const STATE_FORMS = set('republic kingdom state federation emirate principality commonwealth sultanate');

/** Lower-case words that, before a capitalised run, mark a place ("in Geneva", "overlooks Lake Geneva"). */
export const PLACE_PREPOSITIONS = set('in at near from to overlooks outside across inside toward towards into via');

export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

export const MONTHS = set(`january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec`);

/** Connectors allowed inside an organisation or title run ("Organization for Security and Cooperation in Europe"). */
export const CONNECTORS = set('of for and the in on de');

/** First names by gender (core/knowledge/people.json and the operator's PEOPLE_FILE), used when the text gives no pronoun. */
export const femaleFirstNames = (): ReadonlySet<string> => cached().female;
export const maleFirstNames = (): ReadonlySet<string> => cached().male;

/** People a news corpus names by surname alone, with gender (core/knowledge/people.json and the operator's). */
export const knownPeople = (): ReadonlyMap<string, 'male' | 'female'> => cached().known;

let memo: { version: number; female: Set<string>; male: Set<string>; known: Map<string, 'male' | 'female'> } | null =
  null;

function cached(): NonNullable<typeof memo> {
  if (memo?.version !== knowledgeVersion()) {
    const data = peopleData();
    memo = {
      version: knowledgeVersion(),
      female: new Set(data.femaleFirstNames),
      male: new Set(data.maleFirstNames),
      known: new Map(Object.entries(data.knownPeople)),
    };
  }
  return memo;
}

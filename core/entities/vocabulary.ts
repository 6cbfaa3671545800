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
bureau foundation fund association federation league army navy`);

/** Words that make a capitalised run a place. */
export const PLACE_WORDS = set(`lake sea peninsula ocean river mountains mountain island islands europe asia africa
america city square street gulf bay strait region province state republic`);

/** Lower-case words that, before a capitalised run, mark a place ("in Geneva", "overlooks Lake Geneva"). */
export const PLACE_PREPOSITIONS = set('in at near from to overlooks outside across inside toward towards into via');

export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday');

export const MONTHS = set(`january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec`);

/** Connectors allowed inside an organisation or title run ("Organization for Security and Cooperation in Europe"). */
export const CONNECTORS = set('of for and the in on de');

/** First names by gender: a small table of common names, used when the text gives no pronoun. */
export const FEMALE_FIRST_NAMES =
  set(`wendy gabrielle victoria kamala hillary nancy angela ursula liz elizabeth mary maria
anna olga elena natalia yulia sarah susan linda karen jennifer jill michelle condoleezza madeleine kaja annalena sanna
letitia stephanie marjorie ilhan shelley samantha julia emily catherine margaret theresa giorgia mette jacinda tsai
marine christine kristalina antonia helen jane laura lisa anne ann marie sophie emma olivia nicola irina svetlana
tatiana ekaterina maya amy rachel rebecca linda`);

export const MALE_FIRST_NAMES = set(`joe vladimir sergei sergey antony anthony dmitry dmitri yury yuri thomas josep mark
peter john james william donald barack george emmanuel olaf boris volodymyr jens david michael robert richard jake lloyd
alexander alexei alexey nikolai viktor igor andrei andrey mikhail ivan eric adam kevin brian ray naftali amit chuck jamie
abiy xi wang recep mohammed mohammad ali ahmed charles rishi keir justin scott ned john jens mario fumio narendra
benjamin yair ebrahim hassan bernard antonio josep luis carlos pedro jose hans karl frank paul jean pierre francois
matteo olaf friedrich heiko sebastian`);

/**
 * Well-known people by surname, with gender: world leaders and diplomats a news corpus names
 * without a title. A small built-in table, as for first names.
 */
export const KNOWN_PEOPLE: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ...[
    ...set(`biden putin blinken lavrov peskov ryabkov zelensky zelenskyy stoltenberg macron scholz xi trump obama
erdogan sullivan kuleba shoigu medvedev sunak starmer modi netanyahu guterres borrell lukashenko tokayev ushakov`),
  ].map((name) => [name, 'male'] as const),
  ...[...set('sherman harris merkel baerbock leyen nuland truss meloni')].map((name) => [name, 'female'] as const),
]);

/** Named-entity pools swapped into recombined seed sentences, so the synthetic corpus is not the seeds repeated. */

const FIRST_NAMES = `Sergei Wendy Antony Vladimir Joe Josep Jens Dmitry Maria Olaf Emmanuel Boris Liz Ursula Karen Anna
Mikhail Pavel Yuri Olga Natalia Ivan Andriy Oleksiy Volodymyr Denys Iryna Kateryna Petro Heiko Annalena Charles Ned Jake
Victoria Linda Lloyd Mark Kamala Ben Angela Mario Pedro Mette Sanna Magdalena Zbigniew Tomas Gabrielius Krisjanis Kaja
Ingrida Edgars Recep Mevlut Wang Xi Li Fumio Yoshimasa Narendra Subrahmanyam Cyril Naledi Ana Helena Rafael Ahmed Sameh`
  .split(/\s+/)
  .filter(Boolean);

const LAST_NAMES = `Ryabkov Sherman Blinken Putin Biden Borrell Stoltenberg Peskov Zakharova Scholz Macron Johnson Truss
Lavrov Shoigu Grushko Antonov Kuleba Zelensky Reznikov Podolyak Stefanishyna Baerbock Michel Price Sullivan Nuland
Thomas-Greenfield Austin Milley Harris Burns Merkel Draghi Sanchez Frederiksen Marin Andersson Rau Landsbergis Karins
Kallas Simonyte Rinkevics Erdogan Cavusoglu Yi Jinping Qiang Kishida Hayashi Modi Jaishankar Ramaphosa Pandor Lopez
Castro Ortega Nebenzya Kozak Medvedev Naryshkin Patrushev Gerasimov Surovikin Yermak Danilov Budanov Kubrakov Sybiha`
  .split(/\s+/)
  .filter(Boolean);

export const PLACES = `Geneva Brussels Vienna Moscow Kyiv Washington Minsk Warsaw Berlin Paris London Helsinki Stockholm
Tallinn Riga Vilnius Ankara Istanbul Beijing Tokyo Delhi Pretoria Kharkiv Donetsk Luhansk Mariupol Odesa Lviv Crimea
Sevastopol Belgorod Voronezh Rostov Kaliningrad Transnistria Chisinau Bucharest Sofia Budapest Prague Bratislava Rome
Madrid Lisbon Oslo Copenhagen Reykjavik Ottawa Tbilisi Yerevan Baku Astana Tashkent Dushanbe Bishkek Ashgabat Tehran
Damascus Baghdad Cairo Doha Riyadh Jerusalem Belgrade Pristina Sarajevo Skopje Tirana Podgorica Zagreb Ljubljana`
  .split(/\s+/)
  .filter(Boolean);

export const ORGANIZATIONS = [
  'NATO',
  'OSCE',
  'the European Union',
  'the United Nations',
  'the Security Council',
  'the State Department',
  'the Foreign Ministry',
  'the Pentagon',
  'the Kremlin',
  'the White House',
  'the European Commission',
  'the G7',
  'the Council of Europe',
  'the IAEA',
  'the Defence Ministry',
  'the Collective Security Treaty Organization',
  'the African Union',
  'ASEAN',
  'the World Bank',
  'the IMF',
];

/** Upper-case organisation names (the capitalised-run rule does not see them). */
export const ACRONYMS = [
  'NATO',
  'OSCE',
  'EU',
  'UN',
  'US',
  'G7',
  'G20',
  'IAEA',
  'ASEAN',
  'OPEC',
  'WHO',
  'WTO',
  'CSTO',
  'BRICS',
];

export const DEMONYMS = [
  'Russian',
  'Ukrainian',
  'American',
  'German',
  'French',
  'Chinese',
  'Turkish',
  'Polish',
  'British',
  'Belarusian',
  'Georgian',
  'Finnish',
  'Swiss',
  'Baltic',
];

export const OUTLETS = [
  'Reuters',
  'Associated Press',
  'Agence France-Presse',
  'Al Jazeera',
  'Deutsche Welle',
  'China Daily',
  'TRT World',
  'BBC News',
  'The Guardian',
  'Politico Europe',
  'Kyiv Independent',
  'TASS',
  'Euronews',
  'Financial Times',
];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Every "First Last" combination (about 5,000 people). */
export const PERSONS: readonly string[] = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));

/** Last names alone, as news copy refers to people after the first mention. */
export const SURNAMES: readonly string[] = LAST_NAMES;

/** What extraction must yield for each seed: headline, paragraph count, chrome that must go, sentences that must stay. */

import type { ExtractedArticle } from '../../core/ingest/strip-chrome.ts';
import type { SeedFile } from './load-seed.ts';

export interface SeedExpectation {
  title: string;
  /** Paragraph count, the headline included. */
  paragraphs: number;
  /** The start of the first paragraph after the headline. */
  first: string;
  last: string;
  /** Strings of page chrome that must not occur in any paragraph. */
  chrome: string[];
  /** Article sentences on either side of a chrome block: the second paragraph must directly follow the first. */
  neighbours: [string, string][];
  hints: ExtractedArticle['hints'];
}

export const EXPECTED: Record<SeedFile, SeedExpectation> = {
  '000_0440998320377a2e.txt': {
    title: 'Russia to hold firm in talks with US, senior official says',
    paragraphs: 13,
    first: 'MOSCOW-Russia on Sunday ruled out making any concessions',
    last: 'Russian President Vladimir Putin met his US counterpart Joe Biden in Geneva in June',
    chrome: [
      'Agencies via Xinhua',
      "Today's Top News",
      'China bids to cement Cambodian-Thai truce',
      'Fiscal policy for 2026 to be more proactive',
      'Revised law to spur high-level opening-up',
      "High-speed rail mirror of China's modernization",
      'China will deliver humanitarian aid to Cambodia',
      'The US 2025: a year of deep division',
    ],
    neighbours: [],
    hints: { author: null, publishedAt: null, outlet: null },
  },
  '001_30cfb7c040abcbc8.txt': {
    title: "Russia: Won't agree to any concession at US talks over Ukraine",
    paragraphs: 19,
    first: 'Russia has demanded binding promises that NATO will not further expand eastward',
    last: "Putin's foreign policy adviser Yury Ushakov warned",
    chrome: [
      'Reuters Archive',
      'READ MORE',
      'Russia, Ukraine point fingers as ceasefire talks collapse',
      'Russia issues tough security demands for US, NATO amid Ukraine tensions',
      'Route 6',
    ],
    neighbours: [
      ['Russia has demanded binding promises', 'Russia since late last year has amassed'],
      ['Russia since late last year has amassed', 'Russia has ruled out any concession at talks'],
      ['Originally scheduled to start on Monday', "'Massive' retaliation"],
      ["'Massive' retaliation", 'In two phone calls to Russian President Vladimir Putin'],
    ],
    hints: { author: null, publishedAt: null, outlet: null },
  },
  '002_ba90fb386a7b11c3.txt': {
    title: 'Russian diplomat predicts week of ‘difficult’ talks with US over Ukraine',
    paragraphs: 20,
    first: 'Senior Russian diplomat predicted “difficult” talks with the United States this week',
    last: '“What we are seeing is a lot of posturing,” added Greminger',
    chrome: [
      'Home Somerset business',
      '(Chris J Ratcliffe / PA)',
      'Ratcliffe',
      'US Secretary of State Antony Blinken has said he doesn’t expect a breakthrough',
    ],
    neighbours: [
      [
        'US Secretary of State Antony Blinken told ABC’s This Week on Sunday',
        'The United States and other Western allies have promised Russia “high costs”',
      ],
      ['“We have dug into the depths of the issues ahead', '“They can’t be easy.'],
    ],
    hints: { author: null, publishedAt: null, outlet: null },
  },
  '003_103cb3a0a2eb9731.txt': {
    title: 'Russia not hopeful ahead of talks with US over Ukraine',
    paragraphs: 20,
    first: 'Moscow has said it is "disappointed" with signals from the United States',
    last: 'Moscow has increased its pressure on Kyiv since the revolution in 2014',
    chrome: [
      'Skip to',
      'DW sites',
      'January 9, 2022',
      'Russian Deputy Foreign Minister Sergei Ryabkov speaks against a red background',
      'red background',
      'Image:',
      'Maxim Shemetov',
      'ruling out concessions with regards to Ukraine',
      'Biden, Putin discuss Ukraine tensions',
      'ab, ar/dj, wd',
      '(AFP, Reuters, Interfax)',
    ],
    neighbours: [
      ['Moscow has said it is "disappointed"', 'Russia is not optimistic ahead of the planned talks'],
      ["\"I don't think we're going to see any breakthroughs", 'High-level talks in Geneva, where Russian'],
      ['While there is no process underway to bring Kyiv', 'What consequences is Russia facing?'],
      ['What consequences is Russia facing?', 'On Sunday, Blinken laid out the choices'],
    ],
    hints: { author: null, publishedAt: '2022-01-09', outlet: 'DW' },
  },
  '004_34825e6753b22c68.txt': {
    title: "Kremlin says it's not optimistic on U.S. talks, won't let them drag on",
    paragraphs: 12,
    first: 'MOSCOW (Reuters) - The Kremlin said on Tuesday it saw no reason to be optimistic',
    last: 'Ryabkov said Russia had no intention of attacking Ukraine.',
    chrome: [
      'Security talks at the United States Mission in Geneva',
      'Oops!',
      'Something went wrong',
      'Please try again later',
      'In this article',
      'By Dmitry Antonov',
      'Dmitry Antonov',
      '2 min read',
      'Reporting by',
      'Editing by',
      'Our goal is to create',
      'commenting',
      'Recommended Stories',
      "'Let's stick with the facts'",
      'Judge Amit Mehta said there was no doubt',
      "1990s diplomacy colors Russia's demands in U.S., NATO talks",
      'Reproduced from Wall Street Journal',
      'House GOP candidate calls for Texas-wide ban on Chinese students',
      'Russia continues to make demands the US will never agree to over Ukraine',
      'Russia has repeatedly insisted that Ukraine and Georgia never be permitted to join NATO',
      "Sec. Blinken gives Russia two choices ahead of talks in Geneva: 'Massive consequences'",
      'Talks in Geneva will focus on security concerns over Ukraine after Russia amassed around 90,000 troops',
      'Biden raises concerns to Ethiopian PM about Tigray conflict',
      'Prime Minister Naftali Bennett said on Monday',
      'Middle East foreign ministers head to China for meetings',
      'The meetings running through Friday',
      'Trump',
      'Texas',
      'Ethiopia',
      'Iran',
      'Kazakhstan',
    ],
    neighbours: [
      ['MOSCOW (Reuters) - The Kremlin said on Tuesday', 'Kremlin spokesman Dmitry Peskov said it was positive'],
      ['The United States urged Moscow to reverse its build-up', 'Ryabkov said Russia had no intention'],
    ],
    hints: { author: 'Dmitry Antonov', publishedAt: null, outlet: 'Reuters' },
  },
};

import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../core/ingest/strip-chrome.ts';

// Made-up pages, each a layout news sites use; `kept` is the article text in order, headline first.
const LAYOUTS: { name: string; page: string[]; kept: string[] }[] = [
  {
    name: 'a sub-head between paragraphs is article text; a run of other stories’ headlines is not',
    page: [
      'Envoys agree on a road map for the border talks',
      '',
      'The envoys of both countries agreed on Tuesday to resume the border talks.',
      '',
      'What comes next',
      '',
      'A technical committee will meet in Quito next month to draw up a timetable.',
      'Storm closes ports along the northern coast',
      'Central bank holds rates for a third month',
      'The committee will report to both foreign ministers.',
    ],
    kept: [
      'Envoys agree on a road map for the border talks',
      'The envoys of both countries agreed on Tuesday to resume the border talks.',
      'What comes next',
      'A technical committee will meet in Quito next month to draw up a timetable.',
      'The committee will report to both foreign ministers.',
    ],
  },
  {
    name: 'a page cut off mid-sentence keeps its last line',
    page: [
      'Ministers sign the fisheries accord in Lima',
      '',
      'The ministers signed the accord on Friday after two days of talks.',
      '',
      'The accord sets catch limits for the next five years and creates a joint',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      'The ministers signed the accord on Friday after two days of talks.',
      'The accord sets catch limits for the next five years and creates a joint',
    ],
  },
  {
    name: 'a standfirst is article text; a short label between headline and body is not',
    page: [
      'Ministers sign the fisheries accord in Lima',
      'Catch limits will apply for five years under the deal',
      'Example Gazette report',
      'Politics and diplomacy',
      '',
      'The ministers signed the accord on Friday after two days of talks.',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      'Catch limits will apply for five years under the deal',
      'The ministers signed the accord on Friday after two days of talks.',
    ],
  },
  {
    name: 'a caption-shaped line next to a caption and its credit is a caption too',
    page: [
      'Ministers sign the fisheries accord in Lima',
      '',
      'The ministers signed the accord on Friday after two days of talks.',
      'The Peruvian minister is greeted by his host as he arrives at the palace on Friday.',
      'The two ministers walk to the signing ceremony in Lima on Friday.',
      'Maria Lopez/Example Agency',
      'Fishing crews welcomed the deal on Saturday.',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      'The ministers signed the accord on Friday after two days of talks.',
      'Fishing crews welcomed the deal on Saturday.',
    ],
  },
  {
    name: 'dash-led teasers are a link list; long dash-led key points are article text',
    page: [
      'Ministers sign the fisheries accord in Lima',
      '- The accord sets catch limits for the next five years and creates a joint patrol of the shared waters off the coast',
      '- Both parliaments still have to ratify the text before it can enter into force next year',
      'The ministers signed the accord on Friday after two days of talks.',
      '— Storm closes ports along the northern coast.',
      '',
      '— Central bank holds rates for a third month.',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      '- The accord sets catch limits for the next five years and creates a joint patrol of the shared waters off the coast',
      '- Both parliaments still have to ratify the text before it can enter into force next year',
      'The ministers signed the accord on Friday after two days of talks.',
    ],
  },
  {
    name: 'a summary glued from the body and a cut-off copy of a line are repeats',
    page: [
      'Ministers sign the fisheries accord in Lima',
      'The ministers signed the accord on Friday after two days of talks. Fishing crews in both countries welcomed the deal on Saturday. MORE TO FOLLOW.',
      'The ministers signed the accord on Friday after two days of talks.',
      'Fishing crews in both countries welcomed the deal on Saturday.',
      'Fishing crews in both countries welcomed the',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      'The ministers signed the accord on Friday after two days of talks.',
      'Fishing crews in both countries welcomed the deal on Saturday.',
    ],
  },
  {
    name: 'a store’s date stamp, a trailing "continue reading" link and interface text in another script go',
    page: [
      ' date 2023-05-04 Ministers sign the fisheries accord in Lima',
      'Этот сайт использует файлы cookie',
      'The ministers signed the accord on Friday after two days of talks. ...continue reading',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      'The ministers signed the accord on Friday after two days of talks.',
    ],
  },
  {
    name: 'infobox and fact-table rows are article text, dates included',
    page: [
      'Ministers sign the fisheries accord in Lima',
      '- Signed: 4 May 2023',
      '- Parties: Chile and Peru',
      'Location | Lima |',
      'The accord was signed on Friday after two days of talks between the two ministers in the capital.',
    ],
    kept: [
      'Ministers sign the fisheries accord in Lima',
      '- Signed: 4 May 2023',
      '- Parties: Chile and Peru',
      'Location | Lima |',
      'The accord was signed on Friday after two days of talks between the two ministers in the capital.',
    ],
  },
];

describe('extractArticle on page layouts', () => {
  it.each(LAYOUTS)('$name', ({ page, kept }) => {
    expect(extractArticle(page).paragraphs).toEqual(kept);
  });

  it('reads the publication date from a store’s date stamp', () => {
    const article = extractArticle([' date 2023-05-04 Ministers sign the fisheries accord in Lima', 'They met.']);
    expect(article.hints.publishedAt).toBe('2023-05-04');
  });
});

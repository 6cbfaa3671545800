import { describe, expect, it } from 'vitest';
import { isPhotoCaption, isPhotoCredit } from '../../core/ingest/caption-rules.ts';
import {
  isBlockMarker,
  isHeadingLike,
  isNavLine,
  isReadTime,
  isWidgetLine,
  outletFromDateline,
  outletFromNav,
} from '../../core/ingest/chrome-rules.ts';
import { bylineAuthor, isStoryCredit } from '../../core/ingest/credit-rules.ts';
import { isoDatePrefix, parseDateLine } from '../../core/ingest/date-hint.ts';

describe('chrome line classifiers', () => {
  it('recognises navigation and the outlet it names', () => {
    expect(isNavLine('1. Skip to content')).toBe(true);
    expect(isNavLine('Jump to navigation')).toBe(true);
    expect(outletFromNav('3. Skip to more DW sites')).toBe('DW');
    expect(isNavLine('Skipping the talks was not an option, he said.')).toBe(false);
  });

  it('recognises story-list markers, widgets and inline links', () => {
    for (const marker of [
      "Today's Top News",
      'Today’s Top News',
      'Recommended Stories',
      'Related Articles',
      'Most Read',
    ]) {
      expect(isBlockMarker(marker), marker).toBe(true);
    }
    for (const widget of [
      'Oops!',
      'Something went wrong.',
      'Please try again later.',
      'In this article:',
      'READ MORE: X',
    ]) {
      expect(isWidgetLine(widget), widget).toBe(true);
    }
    expect(isWidgetLine('Related: talks collapse')).toBe(true);
    expect(isBlockMarker('Recommended steps were taken by the ministers.')).toBe(false);
  });

  it('recognises bylines, reading time and credits', () => {
    expect(bylineAuthor('By Dmitry Antonov')).toBe('Dmitry Antonov');
    expect(bylineAuthor('By the end of the week, talks had stalled.')).toBeNull();
    expect(isReadTime('·2 min read')).toBe(true);
    expect(isStoryCredit('(Reporting by Dmitry Antonov; Editing by Peter Graff)')).toBe(true);
    expect(isStoryCredit('ab, ar/dj, wd (AFP, Reuters, Interfax)')).toBe(true);
    expect(isStoryCredit('Agencies via Xinhua')).toBe(true);
    expect(isStoryCredit('Reuters said the talks would resume.')).toBe(false);
  });

  it('recognises photo captions and credits', () => {
    expect(isPhotoCredit('Reuters Archive')).toBe(true);
    expect(isPhotoCredit('Getty Images')).toBe(true);
    expect(isPhotoCredit('Ryabkov said Moscow rules out concessionsImage: Maxim Shemetov/REUTERS')).toBe(true);
    expect(isPhotoCredit('Blinken has said he doesn’t expect a breakthrough (Chris J Ratcliffe / PA)')).toBe(true);
    expect(isPhotoCredit('The photo showed troops near the border.')).toBe(false);
  });

  it('treats headings, teasers and lone questions as non-claims but keeps sentences', () => {
    expect(isHeadingLike('Biden, Putin discuss Ukraine tensions')).toBe(true);
    expect(isHeadingLike("'Massive' retaliation")).toBe(true);
    expect(isHeadingLike('Why are Russian and US diplomats meeting?')).toBe(true);
    expect(isHeadingLike('Route 6')).toBe(true);
    expect(isHeadingLike('Ryabkov said Russia had no intention of attacking Ukraine.')).toBe(false);
    expect(isHeadingLike('“They can’t be easy. They will be commercial.')).toBe(false);
    expect(isHeadingLike('"Is this the path of diplomacy?" Blinken asked.')).toBe(false);
  });

  it('reads the outlet from a wire dateline', () => {
    expect(outletFromDateline('MOSCOW (Reuters) - The Kremlin said on Tuesday')).toBe('Reuters');
    expect(outletFromDateline('MOSCOW-Russia on Sunday ruled out')).toBeNull();
  });
});

describe('date lines', () => {
  it('parses bare datelines in common shapes', () => {
    expect(parseDateLine('January 9, 2022')).toBe('2022-01-09');
    expect(parseDateLine('9 January 2022')).toBe('2022-01-09');
    expect(parseDateLine('Sunday, Jan. 9, 2022 10:30 GMT')).toBe('2022-01-09');
    expect(parseDateLine('Published: 2022-01-11')).toBe('2022-01-11');
    expect(parseDateLine('Updated Sept 3rd, 2021')).toBe('2021-09-03');
  });

  it('rejects sentences and impossible dates', () => {
    expect(parseDateLine('On January 9, 2022 the talks began.')).toBeNull();
    expect(parseDateLine('February 30, 2022')).toBeNull();
    expect(isoDatePrefix('2022-01-10T08:30:00Z')).toBe('2022-01-10');
  });
});

describe('isPhotoCaption', () => {
  // Made-up lines in the style of news captions and of article sentences.
  it.each([
    'From left, the foreign ministers of Chile and Peru shake hands before the talks in Lima on Tuesday.',
    'FILE - The Chilean foreign minister arrives at the summit venue in Lima, Peru, Oct. 3, 2021.',
    'This satellite image shows ships waiting at the port entrance near Callao on March 4.',
    'Delegates leave the conference hall after the vote - Courtesy Example Photo Agency',
    'The two presidents walk to the press conference in Lima - Jane Doe/Getty Images',
    'Fishermen unload their catch at the harbour in Callao, Peru, on March 4.',
  ])('is a caption: %s', (line) => {
    expect(isPhotoCaption(line)).toBe(true);
  });

  it.each([
    'The ministers met in Lima on Tuesday.',
    'Talks resumed on Monday, the foreign ministry said.',
    'Some 40 delegations are attending the conference, which ends on Friday.',
    '"We will sign the agreement," the minister told reporters on March 4.',
    'The agreement will take effect on 1 June 2024.',
  ])('is article text: %s', (line) => {
    expect(isPhotoCaption(line)).toBe(false);
  });
});

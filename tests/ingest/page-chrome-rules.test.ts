import { describe, expect, it } from 'vitest';
import { isCaptionShaped, isPhotoCaption, isPhotoCredit } from '../../core/ingest/caption-rules.ts';
import {
  isBlockMarker,
  isFactRow,
  isHeadingLike,
  isIconText,
  isPipeBar,
  isReadTime,
  isWidgetLine,
} from '../../core/ingest/chrome-rules.ts';
import { isStoryCredit, roleBylineAuthor } from '../../core/ingest/credit-rules.ts';
import { isDateMeta } from '../../core/ingest/date-hint.ts';
import { decodeEntities } from '../../core/ingest/html-entities.ts';
import { dominantScript, isForeignScript } from '../../core/ingest/page-script.ts';

// Made-up lines in the shapes news pages use; each table pairs chrome with article text of the same length.
describe('captions', () => {
  it.each([
    ['Ana Ruiz, left, greets the Peruvian envoy at the ministry in Lima.', true],
    ['The Chilean minister (L) shakes hands with his Peruvian counterpart before the talks.', true],
    ['The delegations meet at the palace in Quito on Wednesday, May 3.', true],
    ['Fishermen unload crates at the port of Callao. © Example Agency', true],
    ['The two ministers walk to the signing ceremony in Quito. (AP)', true],
    ['Envoys wait for the start of the session in Quito, Ecuador May 4, 2023. Example Ministry handout', true],
    ['Ana Ruiz, the foreign minister, said the talks would continue on Friday.', false],
    ['The ministers left the palace in Quito on Wednesday, May 3.', false],
    ['"We will meet again," the envoy told reporters on May 4, 2023.', false],
  ])('isPhotoCaption(%s) is %s', (line, expected) => {
    expect(isPhotoCaption(line)).toBe(expected);
  });

  it.each([
    ['The minister is welcomed by the mayor as he arrives in Quito on Friday.', true],
    ['The talks will resume in Quito on Friday.', false],
    ['The minister said the talks ended on Friday.', false],
    ['Talks ended.', false],
  ])('isCaptionShaped(%s) is %s', (line, expected) => {
    expect(isCaptionShaped(line)).toBe(expected);
  });

  it.each([
    ['Maria Lopez/Example Agency', true],
    ['Maria Lopez / The Daily Example', true],
    ['Example Agency/Pool/Maria Lopez', true],
    ['Leaders pose for a photo at the summit venue [File: Example Agency]', true],
    ['Talks resumed on Monday. (Example Photo/Jane Roe, file) (EXAMPLE AGENCY)', true],
    ['Chile/Peru talks', false],
    ['The talks ended in Lima.', false],
  ])('isPhotoCredit(%s) is %s', (line, expected) => {
    expect(isPhotoCredit(line)).toBe(expected);
  });
});

describe('bylines and credits', () => {
  it.each([
    ['JANE ROE, Example Times diplomatic correspondent | Politics', 'JANE ROE'],
    ['Jane Roe, senior reporter', 'Jane Roe'],
    ['Jane Roe, the minister, told reporters that the talks had ended.', null],
  ])('roleBylineAuthor(%s) is %s', (line, expected) => {
    expect(roleBylineAuthor(line)).toBe(expected);
  });

  it.each([
    ['Example Gazette report', true],
    ['Daily Example (Springfield)', true],
    ['Source: Example News', true],
    ['04:12 - Source: Example TV', true],
    ['The Associated Press', true],
    ['Summit and working lunch (summary) of the leaders of both countries', false],
    ['The source said the talks had ended.', false],
  ])('isStoryCredit(%s) is %s', (line, expected) => {
    expect(isStoryCredit(line)).toBe(expected);
  });
});

describe('page chrome lines', () => {
  it.each([
    ['Related:', true],
    ['Keep reading:', true],
    ['Recent Posts', true],
    ['Related talks were held in Quito.', false],
  ])('isBlockMarker(%s) is %s', (line, expected) => {
    expect(isBlockMarker(line)).toBe(expected);
  });

  it.each([
    ['• Oops!', true],
    ['Leave a Reply', true],
    ['3 View gallery', true],
    ['Powered by automated translation', true],
    ['WATCH | Envoys arrive for the second round', true],
    ['MORE DETAILS TO COME.', true],
    ['This story will be updated.', true],
    ['Our live coverage of the summit has ended.', true],
    ['Read our full report here.', true],
    ['This site uses a filter to reduce spam. Learn how your comment data is processed.', true],
    ['We use cookies to improve your experience on our website.', true],
    ['An official website of the Example Republic government', true],
    ['"Our website was hacked," the ministry spokesman said.', false],
    ['The envoys will report back to their governments next week.', false],
  ])('isWidgetLine(%s) is %s', (line, expected) => {
    expect(isWidgetLine(line)).toBe(expected);
  });

  it.each([
    ['4 hours ago', true],
    ['·3 min read', true],
    ['4 hours of talks', false],
  ])('isReadTime(%s) is %s', (line, expected) => {
    expect(isReadTime(line)).toBe(expected);
  });

  it.each([
    ['Reach 4.1 | Accuracy 4.5 | Tone 3.9', true],
    ['World | Politics | Video', true],
    ['Date | 4 May 2023 |', false],
    ['The talks | a recap of what the envoys agreed on the first day', false],
  ])('isPipeBar(%s) is %s', (line, expected) => {
    expect(isPipeBar(line)).toBe(expected);
  });

  it.each([
    ['ArrowIcon ShareIcon MailIcon PrintIcon', true],
    ['Envoys from NatWest and McKinsey met in Quito', false],
  ])('isIconText(%s) is %s', (line, expected) => {
    expect(isIconText(line)).toBe(expected);
  });

  it.each([
    ['Signed | 4 May 2023 |', true],
    ['- Mediators: the Example Union', true],
    ['- Tags: Quito, summit', false],
    ['- The envoys met twice.', false],
  ])('isFactRow(%s) is %s', (line, expected) => {
    expect(isFactRow(line)).toBe(expected);
  });

  it.each([
    ['The deal has three parts:', false],
    ['Original story:', true],
    ['Why did the talks stall?', true],
  ])('isHeadingLike(%s) is %s', (line, expected) => {
    expect(isHeadingLike(line)).toBe(expected);
  });
});

describe('date lines', () => {
  it.each([
    ['This story is from May 4, 2023', true],
    ['Posted May 4,2023', true],
    ['May 4, 2023 | World', true],
    ['May 4, 2023, 10:15 AM | Updated: 1:40 pm', true],
    ['10:15 GMT 04.05.2023 (Updated: 13:40 GMT 04.05.2023)', true],
    ['The ceasefire took effect on May 4, 2023.', false],
    ['Envoys to meet in Quito on May 4, 2023 for a second round of talks', false],
  ])('isDateMeta(%s) is %s', (line, expected) => {
    expect(isDateMeta(line)).toBe(expected);
  });
});

describe('page script', () => {
  const page = ['The envoys met in Quito.', 'Talks resume on Monday.', 'Этот сайт использует файлы cookie'];
  it.each([
    ['Этот сайт использует файлы cookie', true],
    ['Quito, Ecuador (Эквадор)', false],
    ['The envoys met in Quito.', false],
  ])('isForeignScript(%s) is %s on a page in Latin script', (line, expected) => {
    expect(dominantScript(page)).toBe('Latin');
    expect(isForeignScript(line, 'Latin')).toBe(expected);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['Quito &amp; Lima', 'Quito & Lima'],
    ['&ldquo;Yes&rdquo;&nbsp;he said', '“Yes” he said'],
    ['&#8220;No&#x201D;', '“No”'],
    ['AT&T and &amp;lt;b&gt;', 'AT&T and &lt;b>'],
    ['&notanentity; stays', '&notanentity; stays'],
  ])('decodeEntities(%s) is %s', (text, expected) => {
    expect(decodeEntities(text)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../core/feeds/canonical-url.ts';
import { formatInterval, parseFeedUrl, parseInterval } from '../../core/feeds/feed-input.ts';
import { minhashSignature, similarity } from '../../core/feeds/minhash.ts';

describe('feed input', () => {
  it('parses intervals', () => {
    expect(parseInterval('30m')).toBe(30);
    expect(parseInterval('2h')).toBe(120);
    expect(parseInterval('1d')).toBe(1440);
    expect(parseInterval('45')).toBe(45);
    for (const bad of ['soon', '0m', '8d', '-5m', '1.5h']) expect(() => parseInterval(bad)).toThrow(/not an interval/);
    expect(formatInterval(90)).toBe('90m');
    expect(formatInterval(120)).toBe('2h');
  });

  it('accepts http(s) feed URLs only', () => {
    expect(parseFeedUrl(' https://example.com/feed#top ')).toBe('https://example.com/feed');
    expect(() => parseFeedUrl('file:///etc/passwd')).toThrow(/http/);
    expect(() => parseFeedUrl('https://user:pw@example.com/')).toThrow(/password/);
    expect(() => parseFeedUrl('not a url')).toThrow(/not a URL/);
  });

  it('canonicalises article URLs', () => {
    expect(canonicalUrl('HTTPS://News.Example.com:443/world/story/?utm_source=rss&b=2&a=1&fbclid=x#comments')).toBe(
      'https://news.example.com/world/story?a=1&b=2',
    );
    expect(canonicalUrl('/a/b', 'http://example.com/feed')).toBe('http://example.com/a/b');
    expect(canonicalUrl('mailto:x@example.com')).toBeNull();
  });

  it('finds near-identical texts with MinHash', () => {
    const wire =
      'Saudi Arabia and Iran agreed on Friday to re-establish relations and reopen embassies within two months, in a deal brokered by China that was announced after talks in Beijing.';
    const edited = `${wire} Reporting by our correspondent in Riyadh.`;
    const other =
      'NATO leaders met in Vilnius on Tuesday and agreed that Sweden would join the alliance once Turkey ratified.';
    expect(similarity(minhashSignature(wire), minhashSignature(edited))).toBeGreaterThan(0.5);
    expect(similarity(minhashSignature(wire), minhashSignature(other))).toBeLessThan(0.1);
  });
});

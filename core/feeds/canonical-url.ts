/** Query parameters that only track where a reader came from; dropping them makes one URL per article. */
const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gclsrc|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|cmpid|ocid|smid|at_medium|at_campaign|taid|ito|sr_share|mbid|rss|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee)$/i;

/**
 * The canonical form of an article URL: lower-case host, no fragment, no default port, no tracking
 * parameters, remaining parameters sorted. Returns null for anything that is not an http(s) URL.
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.slice(0, -1);
  return url.toString();
}

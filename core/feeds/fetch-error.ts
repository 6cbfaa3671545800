import { AttacheError } from '../errors.ts';

export type FetchErrorCode =
  | 'bad_url'
  | 'refused_address'
  | 'timeout'
  | 'too_many_redirects'
  | 'network'
  | 'http_status'
  | 'too_large'
  | 'not_a_feed'
  | 'bad_charset'
  | 'no_article';

/** A feed or page could not be fetched or read. The message names the URL and is safe to show an operator. */
export class FetchError extends AttacheError {
  declare readonly code: FetchErrorCode;
}

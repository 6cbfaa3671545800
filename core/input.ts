import { InputError } from './errors.ts';

/** Longest question, topic or search text core accepts. */
export const MAX_INPUT_CHARS = 2000;

// Control characters other than tab/newline mean binary or garbage, not text a person typed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Checks text a user typed and returns it trimmed, or throws an InputError
 * whose message tells the user what to change.
 */
export function validateUserText(value: unknown, what = 'question'): string {
  if (typeof value !== 'string') {
    throw new InputError('not_text', `The ${what} must be text.`);
  }
  const text = value.normalize('NFC').trim();
  if (text.length === 0) {
    throw new InputError('empty', `The ${what} is empty. Type a few words, for example: who met in Geneva?`);
  }
  if (text.length > MAX_INPUT_CHARS) {
    throw new InputError(
      'too_long',
      `The ${what} is ${text.length.toLocaleString('en-US')} characters long; please shorten it to at most ${MAX_INPUT_CHARS.toLocaleString('en-US')}.`,
    );
  }
  if (CONTROL.test(text)) {
    throw new InputError('not_text', `The ${what} contains control characters; please send plain text.`);
  }
  return text;
}

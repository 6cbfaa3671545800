/** Month names (with their usual abbreviations), weekday names, years, day numbers and ordinals ("15th"). */
const CALENDAR =
  /^(?:\d+(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/**
 * Whether a word only says when (a month, a weekday, a number such as a year or a day): in a topic
 * ("the Lisbon water treaty, March 2024") it dates the story rather than naming what it is about, and the
 * story's articles may well write "on Tuesday" instead.
 */
export function isCalendarWord(word: string): boolean {
  return CALENDAR.test(word.toLowerCase().replace(/\.$/, ''));
}

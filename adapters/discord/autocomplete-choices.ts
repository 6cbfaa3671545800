/** Autocomplete choices: IANA time zones and corpus topics, at most 25 as Discord allows. */
import type { ApplicationCommandOptionChoiceData } from 'discord.js';

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Zones offered before the user types anything. */
const COMMON_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Brussels',
  'Europe/Berlin',
  'Europe/Paris',
  'Europe/Geneva',
  'Europe/Zurich',
  'Europe/Vienna',
  'Europe/Moscow',
  'Europe/Kiev',
  'Europe/Kyiv',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Asia/Shanghai',
  'Asia/Kolkata',
  'Australia/Sydney',
];

let zones: string[] | undefined;

/** Every IANA zone this runtime knows, plus UTC (which Node lists under Etc). */
function allZones(): string[] {
  zones ??= [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}

/**
 * Zones matching what was typed: a prefix of the whole name first ("Europe/Be"),
 * then of a part after a slash ("berlin", "new york").
 */
export function timezoneChoices(typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const known = allZones();
  const matches =
    query === ''
      ? COMMON_ZONES.filter((z) => known.includes(z))
      : [
          ...known.filter((z) => z.toLowerCase().startsWith(query)),
          ...known.filter(
            (z) =>
              !z.toLowerCase().startsWith(query) &&
              z
                .toLowerCase()
                .split('/')
                .slice(1)
                .some((part) => part.startsWith(query)),
          ),
        ];
  return matches.slice(0, MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
}

/** Topic names as choices, each cut to Discord's 100-character limit. */
export function topicChoices(topics: readonly string[]): ApplicationCommandOptionChoiceData<string>[] {
  return topics.slice(0, MAX_CHOICES).map((topic) => {
    const value = topic.slice(0, MAX_CHOICE_LENGTH);
    return { name: value, value };
  });
}

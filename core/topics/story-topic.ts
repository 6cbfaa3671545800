/**
 * A topic naming at least this many things (words or names, dates aside) describes a story ("the
 * Lisbon water treaty talks, March 2024"); fewer name one subject ("sanctions", "NATO"). A story is
 * briefed from its articles read whole; a subject from the sentences that name it.
 */
export const STORY_TOPIC_PARTS = 3;

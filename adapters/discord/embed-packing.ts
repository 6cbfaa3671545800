/**
 * Packs text lines and fields into Discord embeds and messages within the
 * platform's limits. A line is the unit of meaning (a claim with its [n]
 * markers): it is never split unless it alone is longer than a description.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's documented message and embed limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  totalPerMessage: 6000,
} as const;

export interface EmbedPlan {
  title: string;
  color: number;
  /** Description lines, in order; joined with `separator`. */
  lines: readonly string[];
  separator?: string;
  /** Lines packed into fields named `name`, then `${name} (continued)`. */
  fields?: { name: string; lines: readonly string[] } | undefined;
  footer?: string | undefined;
}

/** Shortens text to `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** Splits an over-long line at spaces (or hard, when a word is longer) into pieces of at most `max`. */
export function splitLongLine(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const at = space > max * 0.5 ? space : max;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

/** Greedily joins lines into chunks of at most `max` characters, never splitting a line that fits. */
export function chunkLines(lines: readonly string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => (l.length > max ? splitLongLine(l, max) : [l]))) {
    const joined = current === '' ? line : `${current}${separator}${line}`;
    if (joined.length <= max) {
      current = joined;
    } else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + (embed.footer?.text.length ?? 0);
}

/** Total characters Discord counts for a message's embeds. */
export function messageEmbedSize(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedSize(e), 0);
}

/**
 * Lays a plan out as messages of embeds: the first embed carries the title,
 * description chunks follow, fields go after the description, the footer ends
 * the last embed. Each message stays within 10 embeds and 6,000 characters.
 */
export function packEmbeds(plan: EmbedPlan): APIEmbed[][] {
  const L = DISCORD_LIMITS;
  const footer = plan.footer ? truncate(plan.footer, L.footer) : undefined;
  const budget = L.totalPerMessage - (footer?.length ?? 0);
  // Discord rejects an empty title, so a blank one is left out.
  const title = plan.title.trim() === '' ? {} : { title: truncate(plan.title.trim(), L.title) };
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let used = 0;
  const startMessage = () => {
    if (current.length > 0) messages.push(current);
    current = [];
    used = 0;
  };
  const addEmbed = (embed: APIEmbed) => {
    const size = embedSize(embed);
    if (current.length >= L.embedsPerMessage || used + size > budget) startMessage();
    current.push(embed);
    used += size;
  };

  const chunks = chunkLines(plan.lines, L.description, plan.separator);
  chunks.forEach((description, i) => {
    addEmbed(i === 0 ? { ...title, color: plan.color, description } : { color: plan.color, description });
  });
  if (chunks.length === 0) addEmbed({ ...title, color: plan.color, ...(title.title ? {} : { description: '…' }) });

  const values = plan.fields ? chunkLines(plan.fields.lines, L.fieldValue) : [];
  values.forEach((value, i) => {
    const base = plan.fields?.name ?? '';
    const field: APIEmbedField = { name: truncate(i === 0 ? base : `${base} (continued)`, L.fieldName), value };
    const size = field.name.length + field.value.length;
    const last = current.at(-1);
    if (last && (last.fields?.length ?? 0) < L.fields && used + size <= budget) {
      last.fields = [...(last.fields ?? []), field];
      used += size;
    } else {
      addEmbed({ color: plan.color, fields: [field] });
    }
  });

  startMessage();
  const lastEmbed = messages.at(-1)?.at(-1);
  if (lastEmbed && footer) lastEmbed.footer = { text: footer };
  return messages;
}

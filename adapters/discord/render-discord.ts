/**
 * Renders core Replies as Discord embeds: one embed per reply (more only when
 * Discord's limits force it), each claim kept whole with its [n] markers.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';
import { escapeMarkdown } from 'discord.js';
import type { Citation, Reply } from '../../core/reply.ts';
import { engineLabel, heading, markers, PARTIAL_LINE, sourceView } from '../shared/reply-parts.ts';
import { type EmbedPlan, packEmbeds, truncate } from './embed-packing.ts';

/** Embed colours: answers, partial answers and refusals must not look alike. */
export const COLORS = { answered: 0x2f6fb3, partial: 0xc98a1b, refused: 0x7a7f87, info: 0x4f5660 } as const;

/** Said by a refusal that carries no reason of its own. */
const REFUSAL_FALLBACK = 'The articles I hold do not answer this. Use /sources to see what they cover.';

/** One Discord message: embeds plus, on the last message of a reply, its buttons. */
export interface RenderedMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** Escapes Discord markdown (and masked links) in corpus or user text so it shows as written. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/**
 * A block as description lines. Only a block longer than a whole description
 * is cut, and then every piece keeps the block's markers.
 */
function blockLines(text: string, citations: readonly number[], bullet: string, max: number): string[] {
  const line = `${bullet}${escapeText(text)}`;
  if (line.length <= max) return [line];
  const suffix = citations.length > 0 ? ` ${markers(citations)}` : '';
  const pieces: string[] = [];
  for (let rest = line; rest.length > 0; ) {
    const room = max - suffix.length;
    const space = rest.length > room ? rest.lastIndexOf(' ', room) : rest.length;
    const at = space > room * 0.5 ? space : Math.min(room, rest.length);
    const piece = rest.slice(0, at).trimEnd();
    pieces.push(/\[\d+\]\s*$/.test(piece) ? piece : `${piece}${suffix}`);
    rest = rest.slice(at).trimStart();
  }
  return pieces;
}

/** "[1] DW, 2022-01-09 — Title" with the title linked when the source has a URL markdown can hold. */
export function sourceLine(c: Citation): string {
  const view = sourceView(c);
  const where = `${escapeText(view.outlet)}, ${view.date}`;
  const title = view.title ? escapeText(truncate(view.title, 180)) : null;
  const url = view.url && view.url.length <= 512 && !/[()\s]/.test(view.url) ? view.url : null;
  const what = title && url ? `[${title}](${url})` : (title ?? (url ? `<${url}>` : null));
  const who = view.attribution ? ` (${escapeText(view.attribution)})` : '';
  return `[${c.n}] ${where}${what ? ` — ${what}` : ''}${view.removed}${view.edited}${who}`;
}

function footerOf(reply: Reply): string {
  const engine = engineLabel(reply.engine);
  return reply.asOf ? `Attaché · ${engine} · sources as of ${reply.asOf}` : `Attaché · ${engine}`;
}

/** Why a refused or partial reply does not answer (in full), and what the corpus covers. */
function reasonText(reply: Reply): string {
  return [reply.reason, reply.coverage].filter(Boolean).join(' ');
}

/** Custom ids of the reply buttons; the owner's id routes a press to the asker's conversation. */
export const BUTTON_IDS = { more: 'attache:more', sources: 'attache:sources' } as const;

/** The "More" and "Sources" buttons under a reply. */
export function replyButtons(ownerId: string): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: 1,
    components: [
      { type: 2, style: 1, label: 'More', custom_id: `${BUTTON_IDS.more}:${ownerId}` },
      { type: 2, style: 2, label: 'Sources', custom_id: `${BUTTON_IDS.sources}:${ownerId}` },
    ],
  };
}

/** The embed plan of a reply: each part of it shown once; exported for tests of the layout. */
export function replyPlan(reply: Reply): EmbedPlan {
  const note = reply.note ? [`*${escapeText(reply.note)}*`] : [];
  if (reply.status === 'refused') {
    return {
      title: heading(reply),
      color: COLORS.refused,
      lines: [escapeText(reasonText(reply) || REFUSAL_FALLBACK), ...note],
      footer: footerOf(reply),
    };
  }
  const bullet = reply.kind === 'briefing' ? '• ' : '';
  const body = reply.blocks.flatMap((b) => blockLines(b.text, b.citations, bullet, 4096));
  // Partial: the status line and why; answered with a reason (a digest with nothing new): the reason.
  const status =
    reply.status === 'partial'
      ? [`*${escapeText([PARTIAL_LINE, reasonText(reply)].join(' ').trim())}*`]
      : reply.reason
        ? [escapeText(reasonText(reply))]
        : [];
  return {
    title: heading(reply),
    color: reply.status === 'partial' ? COLORS.partial : COLORS.answered,
    lines: [...status, ...body, ...note],
    separator: reply.kind === 'briefing' ? '\n' : '\n\n',
    fields: reply.citations.length > 0 ? { name: 'Sources', lines: reply.citations.map(sourceLine) } : undefined,
    footer: footerOf(reply),
  };
}

/**
 * A reply as one or more Discord messages. The buttons go on the last message
 * (when `ownerId` is given and the reply has something to continue or cite).
 */
export function renderReply(reply: Reply, options: { ownerId?: string } = {}): RenderedMessage[] {
  const messages = packEmbeds(replyPlan(reply)).map((embeds): RenderedMessage => ({ embeds, components: [] }));
  const last = messages.at(-1);
  if (last && options.ownerId && reply.status !== 'refused') last.components = [replyButtons(options.ownerId)];
  return messages;
}

/**
 * The words of a question without chat markup: HTML tags, @mentions (@everyone, @here, @user),
 * <@123> pings and markdown emphasis are not part of what is asked. The user's text itself is
 * kept as typed for the engine and the memory; this is what retrieval and analysis read.
 */
export function cleanQuestion(text: string): string {
  const cleaned = text
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/(^|\s)@[\p{L}\p{N}_.-]+/gu, ' ')
    .replace(/[*_~`|#>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? text : cleaned;
}

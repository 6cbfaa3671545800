/** Process-level behaviour shared by the entry points: a reader that hangs up ends us quietly. */

/**
 * `npm run cli -- search … | head -1`: when the reader closes the pipe, stop without an EPIPE stack trace.
 * Exit code 0, as a Unix filter does when its reader has seen enough.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** One line for an error nobody expected: its message, never a stack trace (LOG_LEVEL=debug shows the stack). */
export function unexpectedErrorLine(error: unknown, doing: string): string {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  return `${doing}: ${message} (LOG_LEVEL=debug shows details)`;
}

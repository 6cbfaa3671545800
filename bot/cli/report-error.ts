import type { Writable } from 'node:stream';
import { AttacheError, InputError, userMessage } from '../../core/errors.ts';
import type { ErrorReply } from '../../core/reply.ts';
import { writeLine } from './command.ts';

/** The wire form of an error: input errors keep their message, anything else a generic one. */
export function errorReply(error: unknown): ErrorReply {
  if (error instanceof InputError) return { error: { code: error.code, message: error.message } };
  if (error instanceof AttacheError && error.name === 'IngestError') {
    return { error: { code: error.code, message: error.message } };
  }
  return { error: { code: 'internal', message: userMessage(error) } };
}

/** Prints an error for a person (stderr) or as JSON (stdout) and returns the exit code. */
export function reportError(error: unknown, options: { json: boolean; stdout: Writable; stderr: Writable }): number {
  const reply = errorReply(error);
  if (options.json) writeLine(options.stdout, JSON.stringify(reply));
  else writeLine(options.stderr, `Error: ${reply.error.message}`);
  return reply.error.code === 'internal' ? 1 : 2;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { IngestError } from '../errors.ts';

const entrySchema = z.object({
  id: z.string().min(1),
  file: z.string().optional(),
  title: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  url: z.string().nullable().optional(),
  language: z.string().nullable().optional(),
  basis: z.string().optional(),
});

const manifestSchema = z.object({ documents: z.array(entrySchema) });

export type ManifestEntry = z.infer<typeof entrySchema>;

/** Per-document metadata of one folder, keyed by document id. */
export type Manifest = ReadonlyMap<string, ManifestEntry>;

/** Reads `manifest.json` from a folder; an absent file is an empty manifest, a malformed one an IngestError. */
export function readManifest(folder: string): Manifest {
  const path = join(folder, 'manifest.json');
  if (!existsSync(path)) return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new IngestError('bad_manifest', `${path} is not valid JSON.`, { cause: error });
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new IngestError('bad_manifest', `${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}.`);
  }
  return new Map(result.data.documents.map((entry) => [entry.id, entry]));
}

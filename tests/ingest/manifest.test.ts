import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { extractSeed, SEED_FILES, SEEDS_DIR } from './load-seed.ts';

const nullableText = z.string().min(1).nullable();
const ManifestSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string().min(1),
      file: z.string().min(1),
      title: nullableText,
      outlet: nullableText,
      author: nullableText,
      publishedAt: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      url: nullableText,
      language: nullableText,
      basis: z.string().min(20),
    }),
  ),
});

const manifest = ManifestSchema.parse(JSON.parse(readFileSync(new URL('manifest.json', SEEDS_DIR), 'utf8')) as unknown);

describe('seeds/manifest.json', () => {
  it('lists every seed file once, with its id as the file name', () => {
    expect(manifest.documents.map((document) => document.file)).toEqual([...SEED_FILES]);
    for (const document of manifest.documents) {
      expect(document.file).toBe(`${document.id}.txt`);
      expect(existsSync(new URL(document.file, SEEDS_DIR))).toBe(true);
    }
  });

  it('gives each document the title extractArticle finds', () => {
    for (const document of manifest.documents) {
      expect(extractSeed(document.file).article.title).toBe(document.title);
    }
  });

  it('agrees with every metadata hint the page itself gives', () => {
    for (const document of manifest.documents) {
      const { hints } = extractSeed(document.file).article;
      if (hints.author) expect(document.author).toBe(hints.author);
      if (hints.outlet) expect(document.outlet).toBe(hints.outlet);
      if (hints.publishedAt) expect(document.publishedAt).toBe(hints.publishedAt);
    }
  });

  it('has real calendar dates and English as the language', () => {
    for (const document of manifest.documents) {
      expect(document.language).toBe('en');
      if (document.publishedAt) {
        expect(new Date(`${document.publishedAt}T00:00:00Z`).toISOString().slice(0, 10)).toBe(document.publishedAt);
      }
    }
  });
});

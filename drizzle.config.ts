import { defineConfig } from 'drizzle-kit';

export const config = defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});

// drizzle-kit reads the default export; the project otherwise uses named exports only.
export default config;

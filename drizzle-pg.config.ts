import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL dialect: `npm run db:generate:pg` after editing db/pg/schema.ts. */
export const config = defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/pg/migrations',
});

// drizzle-kit reads the default export; the project otherwise uses named exports only.
export default config;

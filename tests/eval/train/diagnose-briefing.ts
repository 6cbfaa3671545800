/**
 * `npx tsx tests/eval/train/diagnose-briefing.ts [story,…]`: why each corpus-dev briefing misses the key facts it
 * misses. Briefs each story with its fold model (fitted without it) and, per missed fact, says where the fact's
 * sentence was lost: not in the corpus, not among the passages handed to the engine, not a candidate (too long,
 * too short, off the topic), a candidate outranked (its rank and value against the last bullet's), or only a
 * member of another sentence's claim. Prints the bullets chosen instead.
 */
import { existsSync } from 'node:fs';
import type { RetrievedPassage } from '../../../core/corpus.ts';
import { complete, selfContained } from '../../../core/engines/extractive/clusters.ts';
import { leansBack } from '../../../core/engines/extractive/compose-briefing.ts';
import { createExtractiveEngine } from '../../../core/engines/extractive/extractive-engine.ts';
import type { RankedCluster } from '../../../core/engines/extractive/rank-claims.ts';
import type { Engine } from '../../../core/ports/engine.ts';
import { storyOfQuestion } from '../corpus-dev/dev-stories.ts';
import { loadCorpusDev } from '../corpus-dev/load-corpus-dev.ts';
import { withDevApp } from '../corpus-dev/with-dev-app.ts';
import { BRIEFING_FOLDS_FILE } from '../load-eval-set.ts';
import { attacheWithEngine, loadBriefingFolds } from '../model-attache.ts';
import { foldForMatch } from '../seed-text.ts';

const dev = loadCorpusDev();
if (!dev) throw new Error('../shared/corpus-dev is not beside the project');
const only = process.argv[2] ? new Set(process.argv[2].split(',')) : null;
const folds = existsSync(BRIEFING_FOLDS_FILE) ? loadBriefingFolds() : new Map();
const storyOf = storyOfQuestion(dev);
const has = (text: string, phrases: readonly string[]) =>
  phrases.some((p) => foldForMatch(text).includes(foldForMatch(p)));
const short = (t: string, n = 150) => (t.length > n ? `${t.slice(0, n)}…` : t);
const out: string[] = [];
const kinds = new Map<string, number>();

await withDevApp(dev, async (app) => {
  const all = await app.corpus.listPassages();
  for (const [i, b] of dev.questions.briefings.entries()) {
    const story = storyOf(
      b.topic,
      undefined,
      b.facts.flatMap((f) => f.must_cite_any),
    );
    if (only && !only.has(story)) continue;
    let ranked: readonly RankedCluster[] = [];
    let passages: readonly RetrievedPassage[] = [];
    const inner = createExtractiveEngine({ briefingModel: folds.get(story), observeBriefing: (c) => (ranked = c) });
    const engine: Engine = {
      ...inner,
      compose: (request) => {
        passages = request.passages;
        return inner.compose(request);
      },
    };
    const reply = await attacheWithEngine(app, engine).brief({ topic: b.topic, conversation: `console:diag-${i}` });
    const shown = new Set(reply.citations.map((c) => c.quote));
    // A bullet shows its claim's representative and cites it first.
    const leading = new Set(reply.blocks.map((bl) => reply.citations.find((c) => c.n === bl.citations[0])?.quote));
    const chosen = ranked.filter((r) => leading.has(r.cluster.rep.text));
    const lastValue = Math.min(...chosen.map((r) => r.value));
    const seen = [...reply.blocks.map((bl) => bl.text), ...shown];
    const covered = b.facts.filter((f) => seen.some((t) => has(t, f.must_cite_any))).length;
    const chosenUnits = new Set(chosen.flatMap((r) => r.cluster.members));
    // Where a candidate stating the fact was lost: the reader-facing filter, a chosen bullet that took its
    // sentences (a bullet of another fact: deduplicated away), the selection's length and repetition trade-off
    // (valued above the last bullet yet left out), or simply valued below every bullet.
    const lostIn = (r: RankedCluster | null): string => {
      if (!r) return 'only a member of another claim';
      const u = r.cluster.rep;
      if (!(selfContained(u) && complete(u) && !leansBack(u))) return 'does not read on its own';
      if (r.cluster.members.some((m) => chosenUnits.has(m))) return 'deduplicated against another bullet';
      return r.value >= lastValue
        ? 'valued above the last bullet, left out (length, repetition, budget)'
        : 'ranked low';
    };
    const idle = chosen.filter(
      (r) => !b.facts.some((f) => r.cluster.members.some((m) => has(m.text, f.must_cite_any))),
    );
    for (const r of idle) {
      const k = complete(r.cluster.rep) ? 'bullet stating no key fact' : 'headline-like bullet stating no key fact';
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    const repeats = chosen.length - idle.length - covered;
    if (repeats > 0) kinds.set('bullet repeating a fact', (kinds.get('bullet repeating a fact') ?? 0) + repeats);
    out.push(`\n══ ${story} ${covered}/${b.facts.length}  passages ${passages.length}  candidates ${ranked.length}`);
    for (const f of b.facts) {
      if (seen.some((t) => has(t, f.must_cite_any))) continue;
      const inCorpus = all.filter((p) => has(p.text, f.must_cite_any));
      const handed = passages.filter((p) => has(p.text, f.must_cite_any));
      const asRep = ranked.findIndex((r) => has(r.cluster.rep.text, f.must_cite_any));
      const asMember = ranked.findIndex((r) => r.cluster.members.some((m) => has(m.text, f.must_cite_any)));
      let kind: string;
      if (inCorpus.length === 0) kind = 'not in corpus passages';
      else if (handed.length === 0) kind = 'not handed to the engine';
      else if (asRep < 0 && asMember < 0) kind = 'not a candidate';
      else kind = lostIn(asRep >= 0 ? (ranked[asRep] as RankedCluster) : null);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      out.push(`  ✗ ${short(f.fact, 110)}`);
      out.push(
        `      ${kind}; in ${inCorpus.map((p) => `${p.documentId}#${p.ordinal}`).join(' ')}; handed ${handed.length}`,
      );
      if (asRep >= 0) {
        const r = ranked[asRep] as RankedCluster;
        out.push(
          `      as rep rank ${asRep} value ${r.value.toFixed(3)} (last bullet ${lastValue.toFixed(3)}) support ${r.cluster.members.length} ord ${r.cluster.rep.passage.ordinal}: ${short(r.cluster.rep.text)}`,
        );
      }
      if (asMember >= 0 && asMember !== asRep) {
        const r = ranked[asMember] as RankedCluster;
        out.push(`      as member of rank ${asMember} value ${r.value.toFixed(3)}: ${short(r.cluster.rep.text)}`);
      }
      if (asRep < 0) {
        for (const p of handed.slice(0, 2)) {
          const sentence = p.text.split(/(?<=[.!?]["”]?)\s+/).find((s) => has(s, f.must_cite_any)) ?? p.text;
          out.push(`      sentence (${sentence.length} chars): ${short(sentence, 200)}`);
        }
      }
    }
    if (process.env.DIAG_TOP) {
      out.push('  top candidates:');
      for (const r of ranked.slice(0, Number(process.env.DIAG_TOP))) {
        const u = r.cluster.rep;
        const flags = `${selfContained(u) ? '' : 'D'}${complete(u) ? '' : 'C'}${reply.blocks.some((bl) => bl.citations.length > 0 && reply.citations.find((c) => c.n === bl.citations[0])?.quote === u.text) ? '*' : ' '}`;
        const facts = b.facts.flatMap((f, k) =>
          r.cluster.members.some((m) => has(m.text, f.must_cite_any)) ? [k] : [],
        );
        out.push(
          `    ${flags.padEnd(3)} ${r.value.toFixed(3)} s${r.cluster.members.length} f[${facts.join(',')}] ${u.passage.documentId}#${u.passage.ordinal}: ${short(u.text, 120)}`,
        );
      }
    }
    out.push('  bullets:');
    for (const r of chosen) {
      out.push(
        `    • ${r.value.toFixed(3)} s${r.cluster.members.length} ${r.cluster.rep.passage.documentId}#${r.cluster.rep.passage.ordinal}: ${short(r.cluster.rep.text, 130)}`,
      );
    }
  }
});
out.push('', `causes: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
process.stdout.write(`${out.join('\n')}\n`);

// Benchmark: what does a full audit cost on top of merely parsing the files?
//
// Runs against the COMPILED TREE in out/ (not the dist bundle), so build it first:
//   npm run compile && node bench/parse-vs-audit.mjs [--files 3000] [--rounds 3] [--seed 42] [--commits 500]
//
// 1. Generates a deterministic corpus (bench/corpus.mjs, seeded) of Python and
//    TypeScript files in bench/.corpus/files (gitignored), rewritten every run.
// 2. Warms both passes up once (front-end wasm init, JIT), then runs, in ONE
//    process and alternating which goes first each round:
//    (a) bare parse: read every file and parse it with the same front-ends the
//        audit uses (tree-sitter for .py through the Python front-end's
//        `parse(text)`, ts.createSourceFile through the TypeScript front-end's
//        `parse(text, path)`), no analysis;
//    (b) full audit: `auditWorkspace(root)` (discovery, phase 1, phase 2, report
//        JSON), with a fresh phase-1 cache each time, as the CLI runs it (phase 1
//        in worker threads and this thread on a workspace this size);
//    (c) the same audit in one thread (`threads: 1`), to compare like with like.
//    With --commits N, the corpus is first made a git repository of N commits
//    (files added over the commits, prompt files edited in many of them), so the
//    audits also read git: tracked files and the prompt files' history.
// 3. Prints the median of each, the ratio audit / bare parse (goal: <= 1.5) and
//    the fact counts, so it is visible that the audit did its work.
// The bare parse is single-threaded; see (b) and (c) for the audit.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateCorpus } from './corpus.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpusRoot = join(repoRoot, 'bench', '.corpus', 'files');
const RATIO_GOAL = 1.5;

function readOptions(argv) {
  const options = { files: 3000, rounds: 3, seed: 42, commits: 0 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!(key in options) || !Number.isInteger(value) || value < (key === 'commits' ? 0 : 1)) {
      throw new Error(`usage: node bench/parse-vs-audit.mjs [--files N] [--rounds N] [--seed N] [--commits N] (bad: ${argv[i]} ${argv[i + 1] ?? ''})`);
    }
    options[key] = value;
  }
  return options;
}

async function importCompiled(relativePath) {
  const path = join(repoRoot, 'out', 'src', relativePath);
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    throw new Error(`cannot load ${path} (run \`npm run compile\` first): ${error.message}`);
  }
}

/** The front-ends exactly as the audit loads them, so both passes share parsers. */
async function loadParsers() {
  const { loadFrontEnds } = await importCompiled('workspace/frontends.js');
  const frontEnds = await loadFrontEnds();
  const python = frontEnds.find((f) => f.language === 'python');
  const typescript = frontEnds.find((f) => f.language === 'typescript');
  if (typeof python?.parse !== 'function' || typeof typescript?.parse !== 'function') {
    throw new Error('the Python and TypeScript front-ends must expose parse()');
  }
  return { python, typescript };
}

function bareParse(files, parsers) {
  for (const file of files) {
    const text = readFileSync(join(corpusRoot, file.path), 'utf8');
    if (file.language === 'python') {
      parsers.python.parse(text); // frees its tree-sitter tree before returning
    } else {
      parsers.typescript.parse(text, file.path);
    }
  }
}

// Every pass starts on a collected heap, so one pass's garbage is not billed to the next.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');

async function timed(run) {
  collectGarbage();
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Counts of whatever arrays/numbers the audit's inventory and summary hold. */
function describeCounts(value) {
  if (!value || typeof value !== 'object') return String(value);
  return Object.entries(value)
    .map(([key, item]) => {
      if (Array.isArray(item)) return `${key}=${item.length}`;
      if (typeof item === 'number') return `${key}=${item}`;
      if (item && typeof item === 'object') return `${key}{${describeCounts(item)}}`;
      return null;
    })
    .filter(Boolean)
    .join(' ');
}

/**
 * Makes the corpus a git repository of `commits` commits, deterministically:
 * files are added in slices, and every commit also appends a line to a few of
 * the files already committed that hold prompts, so those have long histories.
 */
function commitCorpus(files, commits) {
  rmSync(join(corpusRoot, '.git'), { recursive: true, force: true });
  const env = { ...process.env, GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
  const git = (...args) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: corpusRoot, env, stdio: 'ignore' });
  git('init', '-q');
  const holdsPrompt = new Set(files.filter((file) => /PROMPT|INSTRUCTIONS/.test(readFileSync(join(corpusRoot, file.path), 'utf8'))).map((file) => file.path));
  const slice = Math.ceil(files.length / commits);
  const committedPrompts = [];
  for (let i = 0; i < commits; i++) {
    // Edit up to 5 prompt files committed earlier, in rotation, then add the next slice.
    for (let k = 0; k < Math.min(5, committedPrompts.length); k++) {
      const path = committedPrompts[(i * 5 + k) % committedPrompts.length];
      appendFileSync(join(corpusRoot, path), `${path.endsWith('.py') ? '#' : '//'} revision ${i}\n`);
    }
    for (const file of files.slice(i * slice, (i + 1) * slice)) if (holdsPrompt.has(file.path)) committedPrompts.push(file.path);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', `revision ${i}`);
  }
  return holdsPrompt.size;
}

const options = readOptions(process.argv.slice(2));
const corpus = generateCorpus(corpusRoot, options.files, options.seed);
const historyFiles = options.commits > 0 ? commitCorpus(corpus.files, options.commits) : 0;
const pythonFiles = corpus.files.filter((f) => f.language === 'python').length;
const { auditWorkspace } = await importCompiled('workspace/audit.js');

const initStarted = performance.now();
const parsers = await loadParsers();
const initMs = performance.now() - initStarted;

const passes = {
  'bare parse': () => bareParse(corpus.files, parsers),
  audit: () => auditWorkspace(corpusRoot),
  'audit, 1 thread': () => auditWorkspace(corpusRoot, { threads: 1 }),
};
// Warm-up, not counted: JIT and lazily built catalog tables.
for (const run of Object.values(passes)) await run();

const times = { 'bare parse': [], audit: [], 'audit, 1 thread': [] };
let lastAudit;
for (let round = 0; round < options.rounds; round++) {
  const names = Object.keys(passes);
  const order = names.map((_, i) => names[(i + round) % names.length]);
  for (const name of order) {
    const { ms, value } = await timed(passes[name]);
    times[name].push(ms);
    if (name === 'audit') lastAudit = value;
  }
  console.log(`round ${round + 1}: ${order.map((name) => `${name} ${times[name].at(-1).toFixed(0)} ms`).join(', ')}`);
}

const bareMs = median(times['bare parse']);
const auditMs = median(times.audit);
const serialMs = median(times['audit, 1 thread']);
const ratio = auditMs / bareMs;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log('');
console.log(`machine      ${availableParallelism()} cores, ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
if (options.commits) console.log(`git          ${options.commits} commits; ${historyFiles} files with prompts, whose history the audit reads (at most 200 files, 20 revisions each)`);
console.log(`corpus       ${corpus.files.length} files (${pythonFiles} Python, ${corpus.files.length - pythonFiles} TypeScript), ${(corpus.bytes / 2 ** 20).toFixed(1)} MiB, seed ${options.seed}`);
console.log(`front-ends   init ${initMs.toFixed(0)} ms (once, not in either time)`);
const spread = (values) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
console.log(`bare parse   ${bareMs.toFixed(0)} ms (median of ${options.rounds}; ${spread(times['bare parse'])})`);
console.log(`audit        ${auditMs.toFixed(0)} ms (median of ${options.rounds}; ${spread(times.audit)})`);
console.log(`audit, 1 thr ${serialMs.toFixed(0)} ms (median of ${options.rounds}; ${spread(times['audit, 1 thread'])})`);
console.log(`ratio        ${ratio.toFixed(2)} audit / bare parse (goal <= ${RATIO_GOAL}) ${ratio <= RATIO_GOAL ? 'OK' : 'OVER GOAL'}`);
console.log(`ratio 1 thr  ${(serialMs / bareMs).toFixed(2)} single-threaded audit / bare parse`);
console.log(`audit found  findings=${lastAudit.findings?.length ?? '?'} skipped=${lastAudit.skipped?.length ?? '?'}`);
console.log(`inventory    ${describeCounts(lastAudit.inventory)}`);
console.log(`summary      ${describeCounts(lastAudit.summary)}`);
if (lastAudit.summary?.files !== corpus.files.length) {
  console.log(`WARNING      the audit read ${lastAudit.summary?.files} files, the bare parse ${corpus.files.length}: the times do not compare`);
}
console.log(`peak RSS     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

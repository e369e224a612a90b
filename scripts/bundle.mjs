// Bundles the CLI and the extension with esbuild and copies the
// tree-sitter wasm files beside the bundle, where src/workspace/frontends.ts looks first.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });

/**
 * The TypeScript compiler and the tokenizer's two encodings are ~7 MB of the engine's ~8 MB.
 * Each is its own file in dist/, required only where it is used (the compiler on the first
 * TS/JS file, an encoding on the first prompt counted): a process that never needs one never
 * parses it, and the extension host no longer holds their source (about 50 MB less RSS).
 */
const chunks = {
  typescript: 'typescript',
  o200k_base: 'gpt-tokenizer/encoding/o200k_base',
  cl100k_base: 'gpt-tokenizer/encoding/cl100k_base',
};
const chunkFiles = Object.fromEntries(Object.entries(chunks).map(([file, specifier]) => [specifier, `./${file}.js`]));
const requireChunksBeside = {
  name: 'chunks-beside-the-bundle',
  setup(builder) {
    builder.onResolve({ filter: /^(typescript|gpt-tokenizer\/encoding\/(o200k|cl100k)_base)$/ }, ({ path, kind }) =>
      // The chunk's own entry point resolves the package normally.
      (kind === 'entry-point' ? undefined : { path: chunkFiles[path], external: true }));
  },
};
const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
};
await build({ ...common, entryPoints: Object.fromEntries(Object.entries(chunks).map(([file, specifier]) => [file, require.resolve(specifier)])) });
await build({
  // The extension is two files: extension.js (activation, VS Code wiring) stays small; engine-host.js
  // (parsers, rules, catalogs) is required on first use, so activation does not load it.
  entryPoints: { cli: 'src/cli/index.ts', worker: 'src/workspace/worker.ts', extension: 'src/extension/extension.ts', 'engine-host': 'src/extension/engine-host.ts' },
  ...common,
  external: ['vscode'],
  plugins: [requireChunksBeside],
  // jsonc-parser's UMD build hides its requires from esbuild; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // web-tree-sitter's ESM build asks import.meta.url where it lives; in a CJS bundle that is this file.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// V8 keeps a script's source in memory, two bytes a character once one is not Latin-1: an ASCII
// bundle halves that (~8 MB of the extension host's heap). esbuild escapes strings but not regex literals.
for (const bundle of ['cli.js', 'worker.js', 'extension.js', 'engine-host.js', ...Object.keys(chunks).map((file) => `${file}.js`)]) {
  const match = /[^\x00-\x7f]/.exec(readFileSync(`dist/${bundle}`, 'latin1'));
  if (match) throw new Error(`dist/${bundle} is not ASCII at offset ${match.index}: write the character as a \\u escape in the source`);
}
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-python/tree-sitter-python.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${wasm.split('/').pop()}`);
}

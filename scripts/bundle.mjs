// Bundles the CLI and the extension with esbuild and copies the
// tree-sitter wasm files beside the bundle, where src/workspace/frontends.ts looks first.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
await build({
  // The extension is two files: extension.js (activation, VS Code wiring) stays small; engine-host.js
  // (parsers, rules, catalogs) is required on first use, so activation does not load it.
  entryPoints: { cli: 'src/cli/index.ts', worker: 'src/workspace/worker.ts', extension: 'src/extension/extension.ts', 'engine-host': 'src/extension/engine-host.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: true,
  external: ['vscode'],
  // jsonc-parser's UMD build hides its requires from esbuild; its ESM build bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // web-tree-sitter's ESM build asks import.meta.url where it lives; in a CJS bundle that is this file.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
for (const wasm of ['web-tree-sitter/web-tree-sitter.wasm', 'tree-sitter-python/tree-sitter-python.wasm']) {
  copyFileSync(require.resolve(wasm), `dist/${wasm.split('/').pop()}`);
}

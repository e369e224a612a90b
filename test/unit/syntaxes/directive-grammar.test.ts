import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

/**
 * The ledger-directive injection grammar, run by the same TextMate engine VS Code
 * uses, injected into two minimal host grammars (comments and strings only) that
 * scope their tokens the way VS Code's Python and TypeScript grammars do.
 */
const REPO = join(__dirname, '../../../..');
const hosts: Record<string, object> = {
  'source.python': {
    scopeName: 'source.python',
    patterns: [
      { begin: '#', end: '$', name: 'comment.line.number-sign.python' },
      { begin: '"', end: '"', name: 'string.quoted.double.python' },
    ],
  },
  'source.ts': {
    scopeName: 'source.ts',
    patterns: [
      { begin: '//', end: '$', name: 'comment.line.double-slash.ts' },
      { begin: '/\\*', end: '\\*/', name: 'comment.block.ts' },
      { begin: '"', end: '"', name: 'string.quoted.double.ts' },
    ],
  },
};

describe('ledger directive grammar', () => {
  let grammars: Record<string, IGrammar>;
  before(async () => {
    const wasm = readFileSync(join(REPO, 'node_modules/vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } };
    const injection = manifest.contributes.grammars.find((grammar) => grammar.scopeName === 'genai-debt.directive.injection')!;
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
      loadGrammar: async (scopeName) => {
        if (scopeName === injection.scopeName) return parseRawGrammar(readFileSync(join(REPO, injection.path), 'utf8'), injection.path);
        const host = hosts[scopeName];
        return host ? parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null;
      },
      getInjections: (scopeName) => (injection.injectTo?.includes(scopeName) ? [injection.scopeName] : undefined),
    });
    grammars = { python: (await registry.loadGrammar('source.python'))!, ts: (await registry.loadGrammar('source.ts'))! };
  });

  function scopesOf(language: string, line: string): Map<string, string[]> {
    const { tokens } = grammars[language].tokenizeLine(line, INITIAL);
    return new Map(tokens.map((token) => [line.slice(token.startIndex, token.endIndex), token.scopes]));
  }

  it('highlights a directive in a Python comment: keyword, kind, rule codes, reason', () => {
    const scopes = scopesOf('python', 'PROMPT = "x"  # genai-debt: accept GD101, GD102 -- reason: one prompt');
    assert.ok(scopes.get('genai-debt')?.includes('keyword.control.directive.genai-debt'));
    assert.ok(scopes.get('accept')?.includes('keyword.other.directive.genai-debt'));
    assert.ok(scopes.get(' GD101, GD102')?.includes('constant.language.rule-code.genai-debt'));
    assert.ok(scopes.get('reason')?.includes('variable.parameter.genai-debt'));
  });

  it('highlights directives in TS line and block comments', () => {
    assert.ok(scopesOf('ts', '// genai-debt: accept-file GD405 -- reason: pinned').get('accept-file')?.includes('keyword.other.directive.genai-debt'));
    assert.ok(scopesOf('ts', '/* genai-debt: ignore-file */').get('ignore-file')?.includes('keyword.other.directive.genai-debt'));
  });

  it('leaves the same text alone inside strings', () => {
    const scopes = scopesOf('python', 'NOTE = "genai-debt: accept GD101"');
    for (const tokenScopes of scopes.values()) assert.ok(!tokenScopes.some((scope) => scope.endsWith('.genai-debt')));
  });
});

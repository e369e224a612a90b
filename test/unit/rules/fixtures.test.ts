import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Engine } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import type { RuleDefinition } from '../../../src/core/rule';
import { rules } from '../../../src/rules';
import { auditWorkspace } from '../../../src/workspace/audit';
import { loadFrontEnds } from '../../../src/workspace/frontends';
import { applyFix } from '../../../src/core/fix';

/**
 * The rule fixture tester (ESLint's RuleTester, in files). For each rule,
 * `test/fixtures/<rule-name>/` holds:
 *   invalid.<ext>  — every line that must be flagged ends with `# expect: GD201`
 *                    (`// expect: …` in TS/JS; several codes comma-separated);
 *                    files that cannot hold comments list lines in `<file>.expect.json`
 *                    (`{"GD203": [3, 7]}`);
 *   valid.<ext>    — near-misses, each case introduced by a `# case: <why>` comment;
 *                    the rule must report nothing in them;
 *   <folder>/      — a multi-file workspace (cross-file rules), same markers inside.
 * Each top-level file is audited on its own as a workspace; each folder as one workspace.
 * Every fix the rule offers is applied and the file re-audited: the finding is gone
 * and the file parses no worse than before.
 */
const FIXTURES = join(__dirname, '../../../../test/fixtures');
const EXPECT = /(?:#|\/\/)\s*expect:\s*((?:GD\d{3}\s*,?\s*)+)/;
const CASE = /^\s*(?:#|\/\/)\s*case:/;

interface Expectation {
  file: string;
  line: number;
  rule: string;
}

function filesUnder(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true }).map((entry) => join(path, String(entry))).filter((file) => statSync(file).isFile());
}

function expectationsIn(root: string, file: string): Expectation[] {
  const rel = relative(root, file).split('\\').join('/') || file.split('/').pop()!;
  if (file.endsWith('.expect.json')) return [];
  const found: Expectation[] = [];
  const sidecar = `${file}.expect.json`;
  if (existsSync(sidecar)) {
    for (const [rule, lines] of Object.entries(JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, number[]>)) {
      for (const line of lines) found.push({ file: rel, line, rule });
    }
    return found;
  }
  readFileSync(file, 'utf8').split('\n').forEach((text, index) => {
    const match = EXPECT.exec(text);
    if (match) for (const rule of match[1].split(/[\s,]+/).filter(Boolean)) found.push({ file: rel, line: index + 1, rule });
  });
  return found;
}

function countCases(files: string[]): number {
  return files.reduce((sum, file) => sum + readFileSync(file, 'utf8').split('\n').filter((line) => CASE.test(line)).length, 0);
}

function key(e: { file: string; line: number; rule: string }): string {
  return `${e.file}:${e.line} ${e.rule}`;
}

/** Ledger rules judge directives for other rules, so those rules must run too. */
function rulesFor(rule: RuleDefinition): readonly RuleDefinition[] {
  return rule.family === 'ledger' ? rules : [rule];
}

async function reportedLines(target: string, rule: RuleDefinition): Promise<string[]> {
  const audit = await auditWorkspace(target, { rules: rulesFor(rule), git: false });
  return audit.findings.filter((f) => f.rule === rule.code).map(key);
}

function sameFinding(a: Finding, b: Finding): boolean {
  return a.messageId === b.messageId && a.loc.line === b.loc.line && a.loc.column === b.loc.column;
}

describe('rule fixtures', function () {
  this.timeout(120_000);
  for (const rule of rules) {
    const folder = join(FIXTURES, rule.name);
    describe(`${rule.code} ${rule.name}`, () => {
      it('has a fixture folder with at least 8 invalid and 8 valid cases', () => {
        assert.ok(existsSync(folder), `missing ${relative(process.cwd(), folder)}`);
        const entries = readdirSync(folder).map((entry) => join(folder, entry));
        const invalid = entries.filter((entry) => entry.split('/').pop()!.startsWith('invalid')).flatMap(filesUnder);
        const valid = entries.filter((entry) => entry.split('/').pop()!.startsWith('valid')).flatMap(filesUnder);
        const expected = invalid.flatMap((file) => expectationsIn(folder, file)).filter((e) => e.rule === rule.code);
        assert.ok(expected.length >= 8, `${expected.length} invalid cases`);
        assert.ok(countCases(valid) >= 8, `${countCases(valid)} valid cases`);
      });

      if (!existsSync(folder)) return;
      for (const entry of readdirSync(folder).filter((name) => !name.endsWith('.expect.json'))) {
        const target = join(folder, entry);
        it(`${entry}: reports exactly the expected lines`, async () => {
          const root = statSync(target).isDirectory() ? target : folder;
          const expected = filesUnder(target).flatMap((file) => expectationsIn(root, file)).filter((e) => e.rule === rule.code).map(key).sort();
          const actual = await reportedLines(target, rule);
          assert.deepEqual([...new Set(actual)].sort(), [...new Set(expected)].sort());
        });
      }

      if (rule.fix === 'none') return;
      it('each fix removes its finding and leaves the file parsing', async () => {
        const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: rulesFor(rule), knownRules: rules });
        // Phase 1 and phase 2 on the file alone, so workspace and ledger rules' fixes are exercised too.
        const audit = (path: string, text: string) => {
          const file = engine.analyzeFile({ path, text });
          const result = engine.analyzeWorkspace([file], new Set([path]), { texts: new Map([[path, text]]) });
          return { file, findings: result.findings.filter((f) => f.rule === rule.code) };
        };
        let fixed = 0;
        for (const file of readdirSync(folder).filter((name) => name.startsWith('invalid')).map((name) => join(folder, name)).filter((p) => statSync(p).isFile())) {
          const path = file.split('/').pop()!;
          const text = readFileSync(file, 'utf8');
          const before = audit(path, text);
          for (const finding of before.findings.filter((f) => f.fix)) {
            const after = audit(path, applyFix(text, finding.fix!));
            assert.ok(!after.file.skipped, `${path} after "${finding.fix!.title}": ${after.file.skipped}`);
            assert.ok(after.file.syntaxErrors <= before.file.syntaxErrors, `${path}: the fix "${finding.fix!.title}" broke the syntax`);
            assert.ok(!after.findings.some((f) => sameFinding(f, finding)), `${path}:${finding.loc.line}: finding still there after "${finding.fix!.title}"`);
            fixed++;
          }
        }
        assert.ok(fixed > 0, 'no fix was exercised');
      });
    });
  }
});

import { strict as assert } from 'node:assert';
import type { AuditJson, FindingJson } from '../../../src/report/json';
import { buildReportModel } from '../../../src/report/model';
import { rules } from '../../../src/rules';
import { auditExamples } from './example-audit';

function finding(overrides: Partial<FindingJson>): FindingJson {
  return {
    rule: 'GD301', name: 'untraced-llm-call', family: 'tracing', severity: 'warning',
    file: 'app/chat.py', line: 1, column: 1, endLine: 1, endColumn: 5,
    message: 'No tracing covers this call', fingerprint: Math.random().toString(16).slice(2, 18),
    acknowledged: null, impact: { tokens: 0, costPer1kCalls: null }, related: [], fix: null,
    ...overrides,
  };
}

const EMPTY_INVENTORY: AuditJson['inventory'] = { llmCalls: [], prompts: [], tools: [], models: [], tracing: [], artifacts: [], dependencies: [] };

function auditOf(findings: FindingJson[], inventory: Partial<AuditJson['inventory']> = {}): AuditJson {
  return {
    tool: { name: 'genai-debt', version: '0.1.0' },
    findings,
    inventory: { ...EMPTY_INVENTORY, ...inventory },
    skipped: [],
    summary: { files: 3, findings: findings.length, byRule: {}, bySeverity: {}, durationMs: 5 },
  };
}

function llmCall(file: string, line: number, model: string | null, traced: boolean): AuditJson['inventory']['llmCalls'][number] {
  return { file, line, column: 1, provider: 'openai', api: 'chat.completions.create', operation: 'chat', model, modelExpression: null, indirect: false, heuristic: false, enclosingFunction: null, baseUrl: null, traced, tracedBy: traced ? 'langsmith' : null };
}

describe('report model', () => {
  it('scores findings as documented and ranks files and folders by the sum', () => {
    const model = buildReportModel(auditOf([
      finding({ rule: 'GD101', name: 'oversized-prompt', family: 'prompt-stuffing', severity: 'error', file: 'app/prompts/system.py', impact: { tokens: 3000, costPer1kCalls: 2.5 } }),
      finding({ file: 'app/chat.py', severity: 'warning' }),
      finding({ file: 'app/chat.py', line: 9, severity: 'info' }),
      finding({ file: 'lib/x.ts', severity: 'warning', acknowledged: { reason: 'gateway traces it', ticket: null } }),
      finding({ file: 'lib/y.ts', severity: 'warning', impact: { tokens: 50_000, costPer1kCalls: 99 } }),
    ]), { rules });
    // error 10 + 3 (3,000 tokens) + 2.5 (US$2.5 per 1k calls)
    assert.equal(model.items.find((item) => item.rule.code === 'GD101')!.score, 15.5);
    // token and cost points are capped at 10 each
    assert.equal(model.items.find((item) => item.finding.file === 'lib/y.ts')!.score, 23);
    assert.deepEqual(model.hotspots.files.map((spot) => [spot.path, spot.score]), [['lib/y.ts', 23], ['app/prompts/system.py', 15.5], ['app/chat.py', 4], ['lib/x.ts', 0.5]]);
    assert.deepEqual(model.hotspots.folders.map((spot) => [spot.path, spot.score, spot.findings]), [['lib/', 23.5, 2], ['app/', 19.5, 3], ['app/prompts/', 15.5, 1]]);
    assert.equal(model.summary.debtScore, 43);
    assert.match(model.scoring, /severity weight \(error 10, warning 3, info 1; acknowledged 0\.5\)/);
  });

  it('groups by family (catalogue order) and rule, and lists acknowledged debt apart with reason and ticket', () => {
    const model = buildReportModel(auditOf([
      finding({ rule: 'GD401', name: 'unpinned-model', family: 'versioning', message: '`gpt-4o` is a moving alias' }),
      finding({ rule: 'GD301', file: 'b.py' }),
      finding({ rule: 'GD301', file: 'a.py', acknowledged: { reason: 'one prompt until routing lands', ticket: 'AI-231' } }),
      finding({ rule: 'GD201', name: 'overlapping-tools', family: 'tool-sprawl' }),
    ]), { rules });
    assert.deepEqual(model.families.map((family) => [family.family, family.open, family.acknowledged, family.rules.map((group) => group.rule.code)]), [
      ['tool-sprawl', 1, 0, ['GD201']], ['tracing', 1, 1, ['GD301']], ['versioning', 1, 0, ['GD401']],
    ]);
    assert.deepEqual(model.items.map((item) => item.rule.code), ['GD201', 'GD301', 'GD401']);
    assert.equal(model.acknowledged.length, 1);
    const [accepted] = model.acknowledged;
    assert.equal(accepted.rationale, 'one prompt until routing lands');
    assert.equal(accepted.links.ticket, 'AI-231');
    assert.equal(accepted.location.label, 'a.py:1:1');
    assert.deepEqual([model.summary.open, model.summary.acknowledged], [3, 1]);
  });

  it('describes each item: debt, impact (call sites, shared debt, retirement), remediation from the fix or the docs, links', () => {
    const deprecated = finding({
      rule: 'GD402', name: 'deprecated-model', family: 'versioning', file: 'app/chat.py', line: 4, column: 38, endColumn: 50,
      message: '`gpt-4-turbo` was retired on 2025-07-14; calls fail', fix: { title: 'Replace with `gpt-4.1`', safety: 'unsafe' },
    });
    const unpinned = (file: string) => finding({ rule: 'GD401', name: 'unpinned-model', family: 'versioning', file, line: 2, column: 10, endColumn: 18, message: '`gpt-4o` is a moving alias', related: [{ file: 'app/models.py', line: 1, column: 1, message: 'defined here' }] });
    const audit = auditOf([deprecated, unpinned('a.py'), unpinned('b.py')], {
      llmCalls: [llmCall('app/chat.py', 4, 'gpt-4-turbo', false), llmCall('app/other.py', 9, 'gpt-4-turbo', true), llmCall('a.py', 2, 'gpt-4o', false)],
      models: [
        { file: 'app/chat.py', line: 4, column: 38, id: 'gpt-4-turbo', provider: 'openai', pinned: false, snapshot: null, status: 'retired' },
        { file: 'a.py', line: 2, column: 10, id: 'gpt-4o', provider: 'openai', pinned: false, snapshot: 'gpt-4o-2024-08-06', status: 'active' },
      ],
    });
    const model = buildReportModel(audit, { rules, docsBaseUrl: 'https://example.org/rules' });
    const retired = model.items.find((item) => item.rule.code === 'GD402')!;
    assert.equal(retired.debt, deprecated.message);
    assert.equal(retired.impact.callSites, 2);
    assert.equal(retired.impact.retirement, 'Calls with `gpt-4-turbo` fail: the provider retired it (2025-07-14).');
    assert.match(retired.remediation.text, /^Replace with `gpt-4\.1` — a quick fix applies it/);
    assert.equal(retired.rationale, null);
    const alias = model.items.find((item) => item.finding.file === 'a.py')!;
    assert.equal(alias.impact.sharedBy, 2);
    assert.deepEqual(alias.impact.lines, ['1 LLM call site uses `gpt-4o`.', 'The same debt appears at 2 places.']);
    assert.equal(alias.impact.retirement, null);
    assert.equal(alias.links.helpUri, 'https://example.org/rules/GD401-unpinned-model.md');
    assert.equal(alias.links.doc, 'docs/rules/GD401-unpinned-model.md');
    assert.deepEqual(alias.links.related.map((rel) => rel.label), ['app/models.py:1:1']);
    assert.match(alias.remediation.text, /Use instead/);
    assert.deepEqual(alias.remediation.useInstead, rules.find((rule) => rule.code === 'GD401')!.docs.useInstead);
  });

  it('keeps findings of rules the registry does not know (a newer engine, a renamed rule)', () => {
    const model = buildReportModel(auditOf([finding({ rule: 'GD999', name: 'future-rule', family: 'futures' })]), { rules });
    assert.equal(model.items[0].rule.known, false);
    assert.equal(model.items[0].rule.docPath, 'docs/rules/GD999-future-rule.md');
    assert.equal(model.families[0].title, 'futures');
  });

  it('totals the inventory of the bundled example', async () => {
    const audit = await auditExamples();
    const model = buildReportModel(audit, { rules });
    const inv = model.inventory;
    assert.equal(inv.llmCalls.total, audit.inventory.llmCalls.length);
    assert.equal(inv.llmCalls.traced + inv.llmCalls.untraced, inv.llmCalls.total);
    assert.equal(inv.prompts.bySize.reduce((sum, size) => sum + size.count, 0), audit.inventory.prompts.length);
    assert.equal(inv.models.pinned + inv.models.unpinned + inv.models.unknown, audit.inventory.models.length);
    assert.deepEqual(inv.tools.overlapClusters, [{ tools: ['fetch_order_status (support-bot/agents_flow.py:18)', 'get_order_status (support-bot/agents_flow.py:12)'] }]);
    assert.equal(model.items.length + model.acknowledged.length, audit.findings.length);
    assert.equal(model.families.reduce((sum, family) => sum + family.open + family.acknowledged, 0), audit.findings.length);
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { CSV_COLUMNS } from '../../../src/report/csv';
import { renderReport } from '../../../src/report/index';
import type { AuditJson } from '../../../src/report/json';
import { FINGERPRINT_KEY } from '../../../src/report/sarif';
import { rules } from '../../../src/rules';
import { auditExamples, copy } from './example-audit';

/** DESIGN.md "Output contracts", as a JSON Schema: the documented fields with their types (more fields may be added). */
const position = { file: { type: 'string' }, line: { type: 'integer', minimum: 0 }, column: { type: 'integer', minimum: 0 } };
const AUDIT_JSON_SCHEMA = {
  type: 'object',
  required: ['tool', 'findings', 'inventory', 'skipped', 'summary'],
  properties: {
    tool: { type: 'object', required: ['name', 'version'], properties: { name: { const: 'genai-debt' }, version: { type: 'string' } } },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'name', 'family', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint', 'acknowledged', 'impact', 'related'],
        properties: {
          ...position,
          rule: { type: 'string', pattern: '^GD\\d{3}$' }, name: { type: 'string', pattern: '^[a-z]+(-[a-z]+)*$' }, family: { type: 'string' },
          severity: { enum: ['error', 'warning', 'info'] }, endLine: { type: 'integer' }, endColumn: { type: 'integer' },
          message: { type: 'string', minLength: 1 }, fingerprint: { type: 'string', minLength: 1 },
          acknowledged: { anyOf: [{ type: 'null' }, { type: 'object', required: ['reason', 'ticket'] }] },
          impact: { type: 'object', required: ['tokens', 'costPer1kCalls'], properties: { tokens: { type: 'number' }, costPer1kCalls: { type: ['number', 'null'] } } },
          related: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'message'], properties: { ...position, message: { type: 'string' } } } },
        },
      },
    },
    inventory: {
      type: 'object',
      required: ['llmCalls', 'prompts', 'tools', 'models', 'tracing'],
      properties: {
        llmCalls: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'provider', 'api', 'model', 'traced', 'tracedBy'], properties: { ...position, traced: { type: 'boolean' }, model: { type: ['string', 'null'] } } } },
        prompts: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'role', 'tokens', 'source'], properties: { ...position, tokens: { type: 'integer' } } } },
        tools: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'name', 'framework', 'parameters'], properties: { ...position, parameters: { type: 'array', items: { type: 'string' } } } } },
        models: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'id', 'provider', 'pinned', 'status'], properties: { ...position, pinned: { type: ['boolean', 'null'] } } } },
        tracing: { type: 'array', items: { type: 'object', required: ['file', 'line', 'column', 'library', 'scope'], properties: position } },
      },
    },
    skipped: { type: 'array', items: { type: 'object', required: ['file', 'reason'] } },
    summary: { type: 'object', required: ['files', 'findings', 'byRule', 'durationMs'], properties: { files: { type: 'integer' }, findings: { type: 'integer' }, byRule: { type: 'object' }, durationMs: { type: 'number' } } },
  },
};

/** The official SARIF 2.1.0 schema (rtm.5, the revision GitHub code scanning validates against), as shipped by Microsoft's npm package. */
function sarifValidator() {
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only the `u` flag rejects.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

interface SarifRule { id: string; name: string; helpUri?: string; help: { markdown: string }; fullDescription: { text: string }; shortDescription: { text: string }; defaultConfiguration: { level: string }; properties: { docs: string } }
interface SarifPlace { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: Record<string, number> } }
interface SarifResult { ruleId: string; message: { text: string }; ruleIndex: number; partialFingerprints: Record<string, string>; locations: SarifPlace[]; relatedLocations?: SarifPlace[]; suppressions?: unknown[] }
interface SarifLog { version: string; runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] }[] }

/** The visible text of an HTML page: tags dropped, character references decoded. */
function htmlText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** Message text as the formats show it, backticks aside (HTML turns `code` into <code>). */
function withoutBackticks(text: string): string {
  return text.replace(/`/g, '');
}

describe('report formats on the bundled example', function () {
  this.timeout(120_000);
  let audit: AuditJson;
  /** The example with one finding acknowledged in the ledger, so each format shows its "Acknowledged debt". */
  let withLedger: AuditJson;

  before(async () => {
    audit = await auditExamples();
    assert.ok(audit.findings.length >= 3, 'the example has debt to report');
    withLedger = copy(audit);
    withLedger.findings[0].acknowledged = { reason: 'one tool set until routing lands', ticket: 'AI-231' };
  });

  it('json: matches the documented shape and round-trips the audit', () => {
    const text = renderReport(audit, 'json');
    const parsed = JSON.parse(text) as AuditJson;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const valid = ajv.validate(AUDIT_JSON_SCHEMA, parsed);
    assert.ok(valid, JSON.stringify(ajv.errors, null, 2));
    assert.deepEqual(Object.keys(parsed), ['tool', 'findings', 'inventory', 'skipped', 'summary']);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(audit)), 'nothing in the example needs redacting, so JSON is the audit itself');
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, with rule docs, fingerprints, related places and suppressions', () => {
    const validate = sarifValidator();
    const text = renderReport(withLedger, 'sarif', { docsBaseUrl: 'https://example.org/genai-debt/docs/rules/' });
    const log = JSON.parse(text) as SarifLog;
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    const driverRules = run.tool.driver.rules;
    assert.deepEqual(driverRules.map((rule) => rule.id), [...new Set([...rules.map((rule) => rule.code), ...audit.findings.map((f) => f.rule)])].sort());
    for (const rule of driverRules.filter((r) => rules.some((known) => known.code === r.id))) {
      const definition = rules.find((known) => known.code === rule.id)!;
      assert.equal(rule.helpUri, `https://example.org/genai-debt/docs/rules/${rule.id}-${rule.name}.md`);
      assert.match(rule.help.markdown, new RegExp(`^# ${rule.id} ${rule.name}\\n[\\s\\S]*## Why is this bad\\?`));
      assert.ok(rule.fullDescription.text.includes(definition.docs.whyIsThisBad));
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note' }[definition.severity]);
    }
    assert.equal(run.results.length, audit.findings.length);
    for (const finding of audit.findings) {
      const result = run.results.find((r) => r.partialFingerprints[FINGERPRINT_KEY] === finding.fingerprint);
      assert.ok(result, `a result for ${finding.rule} at ${finding.file}:${finding.line}`);
      assert.equal(result.ruleId, finding.rule);
      assert.equal(driverRules[result.ruleIndex].id, finding.rule);
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(artifactLocation.uri, finding.file);
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      if (finding.cell === undefined) assert.deepEqual(region, { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
      else {
        assert.deepEqual(region, { startLine: 1 }, 'lines of a notebook cell are not lines of the .ipynb file');
        assert.match(result.message.text, new RegExp(`notebook cell ${finding.cell + 1}, line ${finding.line}`));
      }
      assert.equal((result.relatedLocations ?? []).length, finding.related.length);
    }
    const suppressed = run.results.filter((r) => r.suppressions);
    assert.deepEqual(suppressed.map((r) => r.suppressions), [[{ kind: 'inSource', status: 'accepted', justification: 'one tool set until routing lands', properties: { ticket: 'AI-231' } }]]);
  });

  it('sarif: the schema check rejects a log GitHub would refuse (the validator is not vacuous)', () => {
    const validate = sarifValidator();
    const log = JSON.parse(renderReport(audit, 'sarif')) as SarifLog & { runs: { results: { level: string }[] }[] };
    log.runs[0].results[0].level = 'fatal';
    assert.equal(validate(log), false);
  });

  it('sarif: without an absolute docs URL, rules still validate (helpUri needs one) and point at the docs page', () => {
    const validate = sarifValidator();
    const log = JSON.parse(renderReport(audit, 'sarif')) as SarifLog;
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const rule = log.runs[0].tool.driver.rules[0];
    assert.equal(rule.helpUri, undefined);
    assert.equal(rule.properties.docs, `docs/rules/${rule.id}-${rule.name}.md`);
  });

  it('csv: one row per finding, parsed back by a CSV library', () => {
    const text = renderReport(withLedger, 'csv');
    const rows = parseCsv(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]), [...CSV_COLUMNS]);
    assert.equal(rows.length, audit.findings.length);
    for (const finding of withLedger.findings) {
      const row = rows.find((r) => r.fingerprint === finding.fingerprint);
      assert.ok(row, `a row for ${finding.fingerprint}`);
      assert.deepEqual(
        [row.rule, row.file, Number(row.line), Number(row.column), row.message, row.status, row.reason, row.ticket],
        [finding.rule, finding.file, finding.line, finding.column, finding.message, finding.acknowledged ? 'acknowledged' : 'open', finding.acknowledged?.reason ?? '', finding.acknowledged?.ticket ?? ''],
      );
    }
  });

  it('csv: quotes commas, quotes and line breaks, and keeps spreadsheets from running a cell', () => {
    const tricky = copy(audit);
    tricky.findings = [{ ...tricky.findings[0], message: '=HYPERLINK("x"), with "quotes",\nand a new line', fingerprint: 'f1' }];
    const [row] = parseCsv(renderReport(tricky, 'csv'), { columns: true }) as Record<string, string>[];
    assert.equal(row.message, `'=HYPERLINK("x"), with "quotes",\nand a new line`);
  });

  it('markdown: every finding, with Debt, Impact, Rationale, Remediation, Links, and the acknowledged debt apart', () => {
    const text = renderReport(withLedger, 'markdown');
    for (const finding of withLedger.findings) {
      assert.ok(text.includes(finding.message), `message of ${finding.fingerprint}`);
      assert.ok(text.includes(`${finding.file}${finding.cell === undefined ? '' : ` (cell ${finding.cell + 1})`}:${finding.line}:${finding.column}`), `place of ${finding.fingerprint}`);
    }
    const [open, acknowledged] = text.split('## Acknowledged debt');
    assert.equal((open.match(/^- \*\*Debt:\*\*/gm) ?? []).length, audit.findings.length - 1);
    for (const heading of ['**Impact:**', '**Rationale:**', '**Remediation:**', '**Links:**']) assert.equal(open.split(heading).length - 1, audit.findings.length - 1, heading);
    assert.match(acknowledged, /one tool set until routing lands \| AI-231 \|/);
    assert.ok(!open.includes(`\`${withLedger.findings[0].fingerprint}\``), 'an acknowledged finding is not among the open items');
    assert.match(text, /## Debt by family[\s\S]*## Hotspots/);
  });

  it('markdown and html: say what the baseline hid and what was fixed since', () => {
    const compared = copy(audit);
    compared.summary.baseline = { file: '.genai-debt/baseline.json', new: 2, existing: 7, fixed: 3 };
    assert.match(renderReport(compared, 'markdown'), /baseline `\.genai-debt\/baseline\.json`: 2 new, 7 already in it \(not listed\), 3 fixed since/);
    assert.match(renderReport(compared, 'html'), /baseline <code>\.genai-debt\/baseline\.json<\/code>: 2 new, 7 already in it \(not listed\), 3 fixed since/);
  });

  it('html: every finding, self-contained (no script, no external resource)', () => {
    const html = renderReport(withLedger, 'html');
    const text = htmlText(html);
    for (const finding of withLedger.findings) {
      assert.ok(html.includes(`id="f-${finding.fingerprint}"`), `card of ${finding.fingerprint}`);
      assert.ok(text.includes(withoutBackticks(finding.message)), `message of ${finding.fingerprint}`);
    }
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /\b(src|srcset)=/i);
    assert.match(html, /@media print/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(text, /Acknowledged debt[\s\S]*one tool set until routing lands[\s\S]*AI-231/);
  });

  it('text: still the terminal report, with acknowledged debt marked', () => {
    const text = renderReport(withLedger, 'text');
    for (const finding of audit.findings) assert.ok(text.includes(finding.message));
    assert.ok(text.includes(`${withLedger.findings[0].message}  ${withLedger.findings[0].rule} ${withLedger.findings[0].name} [acknowledged: one tool set until routing lands; AI-231]`));
    assert.match(text, /Inventory/);
  });
});

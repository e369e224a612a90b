import type { ReportItem, ReportModel, RuleSummary } from './model';

/**
 * SARIF 2.1.0, the format GitHub code scanning (and most CI dashboards)
 * ingest. Rules carry their docs (`help.markdown`, `fullDescription`), results
 * carry our fingerprint, related places and, for acknowledged debt, an
 * in-source suppression with the ledger's reason.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Key of our fingerprint in `partialFingerprints`: versioned, so a new algorithm does not collide. */
export const FINGERPRINT_KEY = 'genaiDebt/v1';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

function level(severity: string): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** GitHub ranks security alerts by this (0–10). */
const SECURITY_SEVERITY: Record<string, string> = { error: '8.0', warning: '5.0', info: '2.0' };

function isAbsoluteUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

function ruleDescriptor(rule: RuleSummary) {
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    // helpUri must be an absolute URI; a repository-relative docs folder goes in properties instead.
    ...(isAbsoluteUri(rule.helpUri) ? { helpUri: rule.helpUri } : {}),
    help: { text: rule.fullDescription, markdown: rule.helpMarkdown },
    defaultConfiguration: { level: level(rule.severity) },
    properties: {
      // GitHub code scanning treats the `security` tag specially; the family already says it for security rules.
      tags: ['genai-debt', rule.family],
      ...(rule.family === 'security' ? { 'security-severity': SECURITY_SEVERITY[rule.severity] ?? '5.0' } : {}),
      docs: rule.docPath,
    },
  };
}

interface Place {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  cell?: number;
}

/**
 * Lines inside a notebook cell are not lines of the `.ipynb` file: such a place
 * (and a workspace-wide one) points at the file's first line, and the message
 * says the cell. GitHub code scanning needs a `region.startLine` on every result.
 */
function physicalLocation(place: Place) {
  const artifactLocation = { uri: encodeURI(place.file || '.'), uriBaseId: SOURCE_ROOT };
  if (place.cell !== undefined || place.line < 1) return { artifactLocation, region: { startLine: 1 } };
  const endLine = Math.max(place.endLine ?? place.line, place.line);
  const endColumn = place.endColumn !== undefined && (endLine > place.line || place.endColumn >= place.column) ? place.endColumn : place.column;
  return { artifactLocation, region: { startLine: place.line, startColumn: Math.max(1, place.column), endLine, endColumn: Math.max(1, endColumn) } };
}

function cellNote(place: Place): string {
  return place.cell === undefined ? '' : ` (notebook cell ${place.cell + 1}, line ${place.line}, column ${place.column})`;
}

function result(item: ReportItem, ruleIndex: number) {
  const { finding } = item;
  const acknowledged = finding.acknowledged;
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: level(finding.severity),
    message: { text: finding.message + cellNote(finding) },
    locations: [{ physicalLocation: physicalLocation(finding) }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.related.length
      ? { relatedLocations: finding.related.map((related, id) => ({ id, physicalLocation: physicalLocation(related), message: { text: related.message + cellNote(related) } })) }
      : {}),
    ...(acknowledged
      ? { suppressions: [{ kind: 'inSource', status: 'accepted', ...(acknowledged.reason ? { justification: acknowledged.reason } : {}), ...(acknowledged.ticket ? { properties: { ticket: acknowledged.ticket } } : {}) }] }
      : {}),
    properties: {
      family: finding.family,
      debtScore: item.score,
      tokens: item.impact.tokens,
      costPer1kCalls: item.impact.costPer1kCalls,
      ...(finding.fix ? { fix: finding.fix.title } : {}),
    },
  };
}

/**
 * The SARIF log. `allRules` (the registry, described) become `tool.driver.rules`
 * so code scanning knows every rule that ran; rules a finding names that are
 * not among them are added.
 */
export function renderSarif(model: ReportModel, allRules: readonly RuleSummary[]): string {
  const rules = [...allRules];
  for (const rule of model.rules) if (!rules.some((known) => known.code === rule.code)) rules.push(rule);
  rules.sort((a, b) => a.code.localeCompare(b.code));
  const indexOf = new Map(rules.map((rule, index) => [rule.code, index]));
  const items = [...model.items, ...model.acknowledged];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: model.tool.name, version: model.tool.version, semanticVersion: model.tool.version, rules: rules.map(ruleDescriptor) } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: model.skipped.map((skip) => ({
          level: 'note',
          message: { text: `Skipped: ${skip.reason}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(skip.file), uriBaseId: SOURCE_ROOT } } }],
        })),
      }],
      results: items.map((item) => result(item, indexOf.get(item.finding.rule) ?? 0)),
      properties: { debtScore: model.summary.debtScore, scoring: model.scoring },
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

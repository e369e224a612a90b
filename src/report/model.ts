import type { RuleDefinition } from '../core/rule';
import { renderRuleDoc, ruleDocPath } from '../rules/docs';
import type { AuditJson, FindingJson } from './json';

/**
 * The Debt Audit report model: one structure every format (Markdown, HTML,
 * SARIF, CSV) renders, so that they all say the same thing. Pure: the audit
 * and the rule registry in, the model out.
 */

export interface ReportOptions {
  /** The rule registry (docs, fix titles); the built-in rules by default. */
  rules: readonly RuleDefinition[];
  /**
   * Where rule pages live: an absolute URL (`https://…/docs/rules/`) or a
   * repository-relative folder. Default `docs/rules/`, the pages this repository ships.
   */
  docsBaseUrl?: string;
}

export interface RuleSummary {
  code: string;
  name: string;
  family: string;
  severity: string;
  /** First sentence of the rule's "What it does". */
  shortDescription: string;
  /** "What it does" and "Why is this bad?". */
  fullDescription: string;
  /** Repository-relative page, `docs/rules/<code>-<name>.md`. */
  docPath: string;
  /** The page under `docsBaseUrl`. */
  helpUri: string;
  /** The rule's code that avoids the debt, from its docs. */
  useInstead: { path: string; code: string } | null;
  fix: string;
  /** The rule's documentation page in Markdown. */
  helpMarkdown: string;
  known: boolean;
}

export interface ReportLocation {
  file: string;
  line: number;
  column: number;
  cell?: number;
  /** `file:line:column`, with the notebook cell when there is one. */
  label: string;
  message: string;
}

export interface ReportItem {
  finding: FindingJson;
  rule: RuleSummary;
  location: ReportLocation;
  /** This item's share of the debt score (see DEBT_SCORE). */
  score: number;
  /** What the rule found, in words. */
  debt: string;
  impact: {
    tokens: number;
    costPer1kCalls: number | null;
    /** How many places carry the very same debt (same rule, same message). */
    sharedBy: number;
    /** LLM calls that use the model this finding names. */
    callSites: number;
    /** What fails, and when, for a deprecated or retired model. */
    retirement: string | null;
    /** The above as sentences, for formats that print a list. */
    lines: string[];
  };
  /** Why the team accepted it (the ledger directive's reason). */
  rationale: string | null;
  remediation: { text: string; fix: { title: string; safety: string } | null; useInstead: { path: string; code: string } | null };
  links: { doc: string; helpUri: string; related: ReportLocation[]; ticket: string | null };
}

export interface RuleGroup {
  rule: RuleSummary;
  open: ReportItem[];
  acknowledged: ReportItem[];
  score: number;
}

export interface FamilyGroup {
  family: string;
  title: string;
  score: number;
  open: number;
  acknowledged: number;
  rules: RuleGroup[];
}

export interface Hotspot {
  path: string;
  kind: 'file' | 'folder';
  score: number;
  findings: number;
  acknowledged: number;
  bySeverity: Record<string, number>;
  tokens: number;
  costPer1kCalls: number;
}

export interface InventoryTotals {
  llmCalls: { total: number; traced: number; untraced: number };
  prompts: { total: number; largest: number; bySize: { label: string; count: number }[] };
  tools: { total: number; overlapClusters: { tools: string[] }[] };
  models: { total: number; distinct: number; pinned: number; unpinned: number; unknown: number; deprecated: number };
  tracing: string[];
  artifacts: number;
  genaiDependencies: number;
}

export interface ReportModel {
  tool: AuditJson['tool'];
  summary: AuditJson['summary'] & { open: number; acknowledged: number; debtScore: number };
  families: FamilyGroup[];
  hotspots: { files: Hotspot[]; folders: Hotspot[] };
  /** Open debt, by family then rule then place. */
  items: ReportItem[];
  /** The ledger: debt the team accepted, with reason and ticket. */
  acknowledged: ReportItem[];
  inventory: InventoryTotals;
  skipped: AuditJson['skipped'];
  /** Every rule the audit's findings name, in code order (SARIF's `rules[]` takes all registry rules). */
  rules: RuleSummary[];
  scoring: string;
}

const SEVERITY_WEIGHT: Record<string, number> = { error: 10, warning: 3, info: 1 };
const ACKNOWLEDGED_WEIGHT = 0.5;
const TOKENS_PER_POINT = 1000;
const MAX_TOKEN_POINTS = 10;
const MAX_COST_POINTS = 10;

/** How the score is computed, printed by the formats that rank. */
export const DEBT_SCORE =
  `Debt score of a finding = severity weight (error ${SEVERITY_WEIGHT.error}, warning ${SEVERITY_WEIGHT.warning}, info ${SEVERITY_WEIGHT.info}; ` +
  `acknowledged ${ACKNOWLEDGED_WEIGHT}) + 1 point per ${TOKENS_PER_POINT.toLocaleString('en-US')} prompt tokens it adds (at most ${MAX_TOKEN_POINTS}) ` +
  `+ 1 point per US$1 of cost per 1,000 calls (at most ${MAX_COST_POINTS}). A file's score is the sum of its findings'; a folder's, the sum of its files'.`;

const FAMILY_TITLES: Record<string, string> = {
  'prompt-stuffing': 'Prompt stuffing',
  'tool-sprawl': 'Tool sprawl',
  tracing: 'Tracing',
  versioning: 'Versioning',
  security: 'Security',
  evaluation: 'Evaluation',
  ledger: 'Ledger hygiene',
};
const FAMILY_ORDER = Object.keys(FAMILY_TITLES);

export const DEFAULT_DOCS_BASE_URL = 'docs/rules/';

export function familyTitle(family: string): string {
  return FAMILY_TITLES[family] ?? family;
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

function summarizeRule(rule: RuleDefinition | undefined, finding: Pick<FindingJson, 'rule' | 'name' | 'family' | 'severity'>, docsBaseUrl: string): RuleSummary {
  const base = docsBaseUrl.endsWith('/') ? docsBaseUrl : `${docsBaseUrl}/`;
  if (!rule) {
    const page = `${finding.rule}-${finding.name}.md`;
    return {
      code: finding.rule, name: finding.name, family: finding.family, severity: finding.severity,
      shortDescription: `${finding.rule} ${finding.name}`, fullDescription: `${finding.rule} ${finding.name}`,
      docPath: `docs/rules/${page}`, helpUri: base + page, useInstead: null, fix: 'none',
      helpMarkdown: `# ${finding.rule} ${finding.name}\n\nThis rule is not in this version's registry.\n`, known: false,
    };
  }
  const docPath = ruleDocPath(rule);
  return {
    code: rule.code, name: rule.name, family: rule.family, severity: rule.severity,
    shortDescription: firstSentence(rule.docs.whatItDoes),
    fullDescription: `${rule.docs.whatItDoes}\n\n${rule.docs.whyIsThisBad}`,
    docPath, helpUri: base + docPath.slice('docs/rules/'.length),
    useInstead: rule.docs.useInstead, fix: rule.fix, helpMarkdown: renderRuleDoc(rule), known: true,
  };
}

export function locationLabel(place: { file: string; line: number; column: number; cell?: number }): string {
  if (!place.file) return '(workspace)';
  const cell = place.cell === undefined ? '' : ` (cell ${place.cell + 1})`;
  return place.line > 0 ? `${place.file}${cell}:${place.line}:${place.column}` : `${place.file}${cell}`;
}

function findingScore(finding: FindingJson): number {
  const weight = finding.acknowledged ? ACKNOWLEDGED_WEIGHT : SEVERITY_WEIGHT[finding.severity] ?? 1;
  const tokens = Math.min(MAX_TOKEN_POINTS, Math.max(0, finding.impact.tokens) / TOKENS_PER_POINT);
  const cost = Math.min(MAX_COST_POINTS, Math.max(0, finding.impact.costPer1kCalls ?? 0));
  return Math.round((weight + tokens + cost) * 100) / 100;
}

const RETIRED = /\bretired?\b|\bshut ?down\b/i;
const DEPRECATED = /\bdeprecated\b/i;

/** For a finding on a model id: the inventory entry at its place (the id, its status). */
function modelAt(audit: AuditJson, finding: FindingJson): AuditJson['inventory']['models'][number] | undefined {
  return audit.inventory.models.find((model) => model.file === finding.file && model.line === finding.line && model.cell === finding.cell && model.column >= finding.column - 1 && model.column <= finding.endColumn);
}

function retirementOf(finding: FindingJson, model: AuditJson['inventory']['models'][number] | undefined): string | null {
  const status = model?.status ?? '';
  const says = RETIRED.test(finding.message) || DEPRECATED.test(finding.message);
  if (!says && status !== 'deprecated' && status !== 'retired') return null;
  const id = model ? `\`${model.id}\`` : 'this model';
  const date = /\b\d{4}-\d{2}-\d{2}\b/.exec(finding.message)?.[0];
  if (status === 'retired' || (RETIRED.test(finding.message) && !DEPRECATED.test(finding.message))) {
    return `Calls with ${id} fail: the provider retired it${date ? ` (${date})` : ''}.`;
  }
  return `Calls with ${id} will fail once the provider retires it${date ? ` (announced date: ${date})` : ''}.`;
}

function formatCost(dollars: number): string {
  return `US$${dollars < 1 ? dollars.toFixed(3) : dollars.toFixed(2)}`;
}

function buildItem(audit: AuditJson, finding: FindingJson, rule: RuleSummary, messageCounts: Map<string, number>): ReportItem {
  const model = modelAt(audit, finding);
  const callSites = model ? audit.inventory.llmCalls.filter((call) => call.model === model.id).length : 0;
  const sharedBy = messageCounts.get(`${finding.rule}\0${finding.message}`) ?? 1;
  const retirement = retirementOf(finding, model);
  const lines: string[] = [];
  if (finding.impact.tokens > 0) lines.push(`${finding.impact.tokens.toLocaleString('en-US')} prompt tokens sent with every call.`);
  if (finding.impact.costPer1kCalls !== null) lines.push(`${formatCost(finding.impact.costPer1kCalls)} per 1,000 calls.`);
  if (callSites > 0) lines.push(`${callSites} LLM call site${callSites === 1 ? '' : 's'} use${callSites === 1 ? 's' : ''} \`${model?.id}\`.`);
  if (sharedBy > 1) lines.push(`The same debt appears at ${sharedBy} places.`);
  if (retirement) lines.push(retirement);
  const fix = finding.fix;
  const remediationText = fix
    ? `${fix.title} — ${fix.safety === 'safe' ? 'a safe quick fix applies it' : 'a quick fix applies it; review the change (unsafe fix)'}.`
    : rule.useInstead
      ? `Rewrite as the rule's "Use instead" example shows (${rule.docPath}).`
      : `See ${rule.docPath}.`;
  return {
    finding,
    rule,
    location: { file: finding.file, line: finding.line, column: finding.column, ...(finding.cell === undefined ? {} : { cell: finding.cell }), label: locationLabel(finding), message: finding.message },
    score: findingScore(finding),
    debt: finding.message,
    impact: { tokens: finding.impact.tokens, costPer1kCalls: finding.impact.costPer1kCalls, sharedBy, callSites, retirement, lines },
    rationale: finding.acknowledged?.reason ?? null,
    remediation: { text: remediationText, fix, useInstead: rule.useInstead },
    links: {
      doc: rule.docPath,
      helpUri: rule.helpUri,
      related: finding.related.map((related) => ({ file: related.file, line: related.line, column: related.column, ...(related.cell === undefined ? {} : { cell: related.cell }), label: locationLabel(related), message: related.message })),
      ticket: finding.acknowledged?.ticket ?? null,
    },
  };
}

function compareFamilies(a: string, b: string): number {
  const rank = (family: string) => (FAMILY_ORDER.includes(family) ? FAMILY_ORDER.indexOf(family) : FAMILY_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function hotspots(items: readonly ReportItem[]): { files: Hotspot[]; folders: Hotspot[] } {
  const files = new Map<string, Hotspot>();
  const folders = new Map<string, Hotspot>();
  const add = (map: Map<string, Hotspot>, path: string, kind: Hotspot['kind'], item: ReportItem) => {
    const spot = map.get(path) ?? { path, kind, score: 0, findings: 0, acknowledged: 0, bySeverity: {}, tokens: 0, costPer1kCalls: 0 };
    spot.score = round(spot.score + item.score);
    spot.findings++;
    if (item.finding.acknowledged) spot.acknowledged++;
    spot.bySeverity[item.finding.severity] = (spot.bySeverity[item.finding.severity] ?? 0) + 1;
    spot.tokens += item.finding.impact.tokens;
    spot.costPer1kCalls = round(spot.costPer1kCalls + (item.finding.impact.costPer1kCalls ?? 0));
    map.set(path, spot);
  };
  for (const item of items) {
    const file = item.finding.file || '(workspace)';
    add(files, file, 'file', item);
    const parts = item.finding.file.split('/');
    for (let depth = 1; depth < parts.length; depth++) add(folders, parts.slice(0, depth).join('/') + '/', 'folder', item);
  }
  const ranked = (map: Map<string, Hotspot>) => [...map.values()].sort((a, b) => b.score - a.score || b.findings - a.findings || a.path.localeCompare(b.path));
  return { files: ranked(files), folders: ranked(folders) };
}

const PROMPT_SIZES: { label: string; below: number }[] = [
  { label: 'under 500 tokens', below: 500 },
  { label: '500–2,000 tokens', below: 2000 },
  { label: '2,000–8,000 tokens', below: 8000 },
  { label: '8,000 tokens or more', below: Infinity },
];

/** GD201 findings link each member of a cluster to the others: clusters are their connected places. */
function overlapClusters(audit: AuditJson): { tools: string[] }[] {
  const toolAt = (file: string, line: number) => audit.inventory.tools.find((tool) => tool.file === file && tool.line === line);
  const name = (file: string, line: number) => `${toolAt(file, line)?.name ?? 'tool'} (${file}:${line})`;
  const clusters: Set<string>[] = [];
  for (const finding of audit.findings.filter((f) => f.rule === 'GD201')) {
    const members = new Set([name(finding.file, finding.line), ...finding.related.map((related) => name(related.file, related.line))]);
    const overlapping = clusters.filter((cluster) => [...members].some((member) => cluster.has(member)));
    const merged = new Set([...members, ...overlapping.flatMap((cluster) => [...cluster])]);
    for (const cluster of overlapping) clusters.splice(clusters.indexOf(cluster), 1);
    clusters.push(merged);
  }
  return clusters.map((cluster) => ({ tools: [...cluster].sort() }));
}

function inventoryTotals(audit: AuditJson): InventoryTotals {
  const inv = audit.inventory;
  const traced = inv.llmCalls.filter((call) => call.traced).length;
  const deprecatedIds = new Set(audit.findings.filter((f) => f.rule === 'GD402').map((f) => modelAt(audit, f)?.id).filter((id): id is string => Boolean(id)));
  return {
    llmCalls: { total: inv.llmCalls.length, traced, untraced: inv.llmCalls.length - traced },
    prompts: {
      total: inv.prompts.length,
      largest: inv.prompts.reduce((max, prompt) => Math.max(max, prompt.tokens), 0),
      bySize: PROMPT_SIZES.map((size, index) => ({
        label: size.label,
        count: inv.prompts.filter((prompt) => prompt.tokens < size.below && prompt.tokens >= (PROMPT_SIZES[index - 1]?.below ?? 0)).length,
      })),
    },
    tools: { total: inv.tools.length, overlapClusters: overlapClusters(audit) },
    models: {
      total: inv.models.length,
      distinct: new Set(inv.models.map((model) => model.id)).size,
      pinned: inv.models.filter((model) => model.pinned === true).length,
      unpinned: inv.models.filter((model) => model.pinned === false).length,
      unknown: inv.models.filter((model) => model.pinned === null).length,
      deprecated: inv.models.filter((model) => model.status === 'deprecated' || model.status === 'retired' || deprecatedIds.has(model.id)).length,
    },
    tracing: [...new Set(inv.tracing.map((setup) => setup.library))].sort(),
    artifacts: inv.artifacts.length,
    genaiDependencies: inv.dependencies.filter((dep) => dep.genai).length,
  };
}

/** Builds the report model. Give it a redacted audit (see redact.ts): the model copies strings as they are. */
export function buildReportModel(audit: AuditJson, options: ReportOptions): ReportModel {
  const docsBaseUrl = options.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL;
  const registry = new Map(options.rules.map((rule) => [rule.code, rule]));
  const summaries = new Map<string, RuleSummary>();
  const ruleOf = (finding: FindingJson) => {
    let summary = summaries.get(finding.rule);
    if (!summary) summaries.set(finding.rule, (summary = summarizeRule(registry.get(finding.rule), finding, docsBaseUrl)));
    return summary;
  };
  const messageCounts = new Map<string, number>();
  for (const finding of audit.findings) {
    const key = `${finding.rule}\0${finding.message}`;
    messageCounts.set(key, (messageCounts.get(key) ?? 0) + 1);
  }
  const all = audit.findings.map((finding) => buildItem(audit, finding, ruleOf(finding), messageCounts));

  const groups = new Map<string, RuleGroup>();
  for (const item of all) {
    const group = groups.get(item.rule.code) ?? { rule: item.rule, open: [], acknowledged: [], score: 0 };
    (item.finding.acknowledged ? group.acknowledged : group.open).push(item);
    group.score = round(group.score + item.score);
    groups.set(item.rule.code, group);
  }
  const families = new Map<string, FamilyGroup>();
  for (const group of [...groups.values()].sort((a, b) => a.rule.code.localeCompare(b.rule.code))) {
    const family = families.get(group.rule.family) ?? { family: group.rule.family, title: familyTitle(group.rule.family), score: 0, open: 0, acknowledged: 0, rules: [] };
    family.rules.push(group);
    family.score = round(family.score + group.score);
    family.open += group.open.length;
    family.acknowledged += group.acknowledged.length;
    families.set(group.rule.family, family);
  }
  const familyList = [...families.values()].sort((a, b) => compareFamilies(a.family, b.family));
  const ordered = familyList.flatMap((family) => family.rules.flatMap((group) => [...group.open, ...group.acknowledged]));
  const acknowledged = ordered.filter((item) => item.finding.acknowledged);
  return {
    tool: audit.tool,
    summary: {
      ...audit.summary,
      open: all.length - acknowledged.length,
      acknowledged: acknowledged.length,
      debtScore: round(all.reduce((sum, item) => sum + item.score, 0)),
    },
    families: familyList,
    hotspots: hotspots(all),
    items: ordered.filter((item) => !item.finding.acknowledged),
    acknowledged,
    inventory: inventoryTotals(audit),
    skipped: audit.skipped,
    rules: [...summaries.values()].sort((a, b) => a.code.localeCompare(b.code)),
    scoring: DEBT_SCORE,
  };
}

/** The registry's rules as the report describes them (SARIF lists every rule that ran, found or not). */
export function describeRules(rules: readonly RuleDefinition[], docsBaseUrl = DEFAULT_DOCS_BASE_URL): RuleSummary[] {
  return rules.map((rule) => summarizeRule(rule, { rule: rule.code, name: rule.name, family: rule.family, severity: rule.severity }, docsBaseUrl));
}

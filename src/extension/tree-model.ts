import type { AuditJson, FindingJson } from '../report/json';
import { groupBy } from '../core/group';
import type { Hotspot } from '../report/model';

/**
 * The sidebar's trees, built from audits: Hotspots (files by debt score, then
 * their findings), Prompts (by tokens), Tools (overlap clusters first) and LLM
 * calls (untraced first). Pure and VS Code-free: the tree views only render
 * these nodes. Each node knows its parent, so `TreeView.reveal` works.
 */
export type TreeKind = 'hotspots' | 'prompts' | 'tools' | 'llmCalls';

export interface NodePlace {
  /** The workspace folder (URI string) the path is relative to. */
  folder: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  cell?: number;
}

export interface TreeNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon: string;
  contextValue: string;
  place?: NodePlace;
  /** Rule code of a finding node. */
  rule?: string;
  children: TreeNode[];
  parent?: TreeNode;
}

export interface FolderAudit {
  folder: string;
  folderName: string;
  audit: AuditJson;
  /** Files ranked by debt score (the report model's hotspots). */
  hotspots: readonly Hotspot[];
}

const SEVERITY_ICON: Record<string, string> = { error: 'error', warning: 'warning', info: 'info' };

function node(partial: Omit<TreeNode, 'children'> & { children?: TreeNode[] }): TreeNode {
  const built: TreeNode = { ...partial, children: partial.children ?? [] };
  for (const child of built.children) child.parent = built;
  return built;
}

function where(place: { file: string; line: number; cell?: number }): string {
  const cell = place.cell === undefined ? '' : ` (cell ${place.cell + 1})`;
  return place.line > 0 ? `${place.file}${cell}:${place.line}` : `${place.file}${cell}`;
}

function findingNode(folder: string, finding: FindingJson): TreeNode {
  const place: NodePlace = { folder, file: finding.file, line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn, cell: finding.cell };
  return node({
    id: `${folder}#finding#${finding.fingerprint}#${finding.file}:${finding.line}:${finding.column}:${finding.rule}`,
    label: `${finding.rule} ${finding.message}`,
    description: `${finding.cell === undefined ? '' : `cell ${finding.cell + 1}, `}line ${finding.line}${finding.acknowledged ? ' · acknowledged' : ''}`,
    tooltip: `${finding.rule} ${finding.name} (${finding.severity})\n${finding.message}`,
    icon: finding.acknowledged ? 'pass' : SEVERITY_ICON[finding.severity] ?? 'info',
    contextValue: 'finding',
    place,
    rule: finding.rule,
  });
}

function hotspotNodes(entry: FolderAudit): TreeNode[] {
  const byFile = groupBy(entry.audit.findings, (finding) => finding.file);
  return entry.hotspots.filter((spot) => spot.kind === 'file').map((spot) => {
    const file = spot.path === '(workspace)' ? '' : spot.path;
    const findings = byFile.get(file) ?? [];
    return node({
      id: `${entry.folder}#hotspot#${spot.path}`,
      label: spot.path,
      description: `score ${spot.score} · ${spot.findings} finding${spot.findings === 1 ? '' : 's'}${spot.acknowledged ? ` (${spot.acknowledged} acknowledged)` : ''}`,
      tooltip: `${spot.path}\nDebt score ${spot.score}; ${Object.entries(spot.bySeverity).map(([severity, count]) => `${count} ${severity}`).join(', ')}`,
      icon: 'file',
      contextValue: 'hotspot',
      place: file ? { folder: entry.folder, file, line: 1, column: 1 } : undefined,
      children: findings.map((finding) => findingNode(entry.folder, finding)),
    });
  });
}

function promptNodes(entry: FolderAudit): TreeNode[] {
  return [...entry.audit.inventory.prompts]
    .sort((a, b) => b.tokens - a.tokens || a.file.localeCompare(b.file) || a.line - b.line)
    .map((prompt) => node({
      id: `${entry.folder}#prompt#${prompt.file}:${prompt.cell ?? ''}:${prompt.line}:${prompt.column}`,
      label: prompt.name ?? `${prompt.role} prompt`,
      description: `${prompt.tokensEstimated ? '~' : ''}${prompt.tokens.toLocaleString('en-US')} tokens · ${where(prompt)}`,
      tooltip: `${prompt.role} prompt (${prompt.source}), ${prompt.tokens.toLocaleString('en-US')} tokens${prompt.tokensEstimated ? ' (estimated with o200k_base)' : ''}`,
      icon: 'comment-discussion',
      contextValue: 'prompt',
      place: { folder: entry.folder, file: prompt.file, line: prompt.line, column: prompt.column, cell: prompt.cell },
    }));
}

type ToolEntry = AuditJson['inventory']['tools'][number];

/** GD201 links each member of an overlap cluster to the others: clusters are the connected tool places. */
function overlapClusters(audit: AuditJson): ToolEntry[][] {
  const key = (place: { file: string; line: number }) => `${place.file}:${place.line}`;
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const toolKeys = new Set(audit.inventory.tools.map(key));
  for (const finding of audit.findings.filter((f) => f.rule === 'GD201')) {
    const members = [key(finding), ...finding.related.map(key)].filter((k) => toolKeys.has(k));
    for (const member of members) if (!parent.has(member)) parent.set(member, member);
    for (const member of members.slice(1)) parent.set(find(member), find(members[0]));
  }
  const clusters = groupBy(audit.inventory.tools.filter((tool) => parent.has(key(tool))), (tool) => find(key(tool)));
  return [...clusters.values()].filter((cluster) => cluster.length > 1);
}

function toolNode(folder: string, tool: ToolEntry): TreeNode {
  return node({
    id: `${folder}#tool#${tool.file}:${tool.line}:${tool.column}:${tool.name}`,
    label: tool.name,
    description: `${tool.framework} · ${where(tool)}`,
    tooltip: `${tool.name} (${tool.framework})${tool.description ? `\n${tool.description}` : '\nNo description'}${tool.parameters.length ? `\nParameters: ${tool.parameters.join(', ')}` : ''}`,
    icon: 'tools',
    contextValue: 'tool',
    place: { folder, file: tool.file, line: tool.line, column: tool.column, cell: tool.cell },
  });
}

function toolNodes(entry: FolderAudit): TreeNode[] {
  const clusters = overlapClusters(entry.audit);
  const clustered = new Set(clusters.flat());
  const clusterNodes = clusters.map((cluster) => node({
    id: `${entry.folder}#cluster#${cluster.map((tool) => `${tool.file}:${tool.line}`).join('|')}`,
    label: `Overlapping: ${cluster.map((tool) => tool.name).join(', ')}`,
    description: `${cluster.length} tools a model may confuse`,
    icon: 'warning',
    contextValue: 'toolCluster',
    children: cluster.map((tool) => toolNode(entry.folder, tool)),
  }));
  const rest = entry.audit.inventory.tools.filter((tool) => !clustered.has(tool)).sort((a, b) => a.name.localeCompare(b.name) || a.file.localeCompare(b.file));
  return [...clusterNodes, ...rest.map((tool) => toolNode(entry.folder, tool))];
}

function llmCallNodes(entry: FolderAudit): TreeNode[] {
  return [...entry.audit.inventory.llmCalls]
    .sort((a, b) => Number(a.traced) - Number(b.traced) || a.file.localeCompare(b.file) || a.line - b.line)
    .map((call) => node({
      id: `${entry.folder}#call#${call.file}:${call.cell ?? ''}:${call.line}:${call.column}`,
      label: `${call.provider} ${call.api}`,
      description: `${call.model ?? call.modelExpression ?? 'model unknown'} · ${call.traced ? `traced by ${call.tracedBy ?? 'tracing'}` : 'untraced'} · ${where(call)}`,
      tooltip: `${call.provider} ${call.api} (${call.operation})${call.enclosingFunction ? ` in ${call.enclosingFunction}` : ''}\nModel: ${call.model ?? call.modelExpression ?? 'unknown'}\n${call.traced ? `Traced by ${call.tracedBy}` : 'Untraced'}`,
      icon: call.traced ? 'pulse' : 'circle-slash',
      contextValue: call.traced ? 'llmCall.traced' : 'llmCall.untraced',
      place: { folder: entry.folder, file: call.file, line: call.line, column: call.column, cell: call.cell },
    }));
}

const BUILDERS: Record<TreeKind, (entry: FolderAudit) => TreeNode[]> = {
  hotspots: hotspotNodes,
  prompts: promptNodes,
  tools: toolNodes,
  llmCalls: llmCallNodes,
};

/** Keeps the nodes whose label, description or path contains the filter (case-insensitive), with their ancestors. */
export function filterNodes(nodes: readonly TreeNode[], filter: string): TreeNode[] {
  const wanted = filter.trim().toLowerCase();
  if (!wanted) return [...nodes];
  const keep = (candidate: TreeNode): TreeNode | null => {
    const text = `${candidate.label} ${candidate.description ?? ''} ${candidate.place?.file ?? ''}`.toLowerCase();
    if (text.includes(wanted)) return candidate;
    const children = candidate.children.map(keep).filter((child): child is TreeNode => child !== null);
    if (!children.length) return null;
    return node({ ...candidate, children });
  };
  return nodes.map(keep).filter((kept): kept is TreeNode => kept !== null);
}

/** The roots of one tree; with several workspace folders each folder is a root of its own. */
export function buildTree(kind: TreeKind, folders: readonly FolderAudit[], filter = ''): TreeNode[] {
  if (folders.length === 1) return filterNodes(BUILDERS[kind](folders[0]), filter);
  return folders.flatMap((entry) => {
    const children = filterNodes(BUILDERS[kind](entry), filter);
    if (!children.length) return [];
    return [node({ id: `${entry.folder}#${kind}`, label: entry.folderName, icon: 'root-folder', contextValue: 'folder', children })];
  });
}

/** The deepest node at a place (a finding rather than its file), for revealing the editor's cursor in a tree. */
export function nodeAt(roots: readonly TreeNode[], folder: string, file: string, line: number): TreeNode | undefined {
  let best: TreeNode | undefined;
  const visit = (candidate: TreeNode, depth: number, bestDepth: { value: number }) => {
    const place = candidate.place;
    if (place && place.folder === folder && place.file === file) {
      const endLine = place.endLine ?? place.line;
      const covers = candidate.contextValue === 'hotspot' || (line >= place.line && line <= endLine);
      if (covers && depth > bestDepth.value) {
        best = candidate;
        bestDepth.value = depth;
      }
    }
    for (const child of candidate.children) visit(child, depth + 1, bestDepth);
  };
  const bestDepth = { value: -1 };
  for (const root of roots) visit(root, 0, bestDepth);
  return best;
}

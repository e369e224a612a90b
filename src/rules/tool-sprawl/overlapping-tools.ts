import type { FileFacts, LlmCall, ToolDef } from '../../core/facts';
import type { RelatedLocation } from '../../core/finding';
import { groupBy } from '../../core/group';
import { defineRule, type Report, type WorkspaceContext } from '../../core/rule';
import { explain, profileOf, similarity, WordWeights, type ToolProfile, type ToolSimilarity } from './tool-similarity';
import { identifierWords } from './words';

/**
 * GD201 overlapping-tools. Tools that can end up in front of the same model and
 * look alike (name, description, parameters) form clusters; every member is
 * reported, linking the others.
 */

type Scope = 'folder' | 'app' | 'workspace';

/** Description similarity from which two differently named actions are one tool under two names. */
const SAME_DESCRIPTION = 0.9;

const MANIFESTS = ['package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg'];

function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The nearest folder at or above the file's that holds a package manifest (one app of a monorepo); the root when none. */
function appOf(path: string, allPaths: ReadonlySet<string>): string {
  for (let folder = folderOf(path); ; folder = folderOf(folder)) {
    if (MANIFESTS.some((manifest) => allPaths.has(folder ? `${folder}/${manifest}` : manifest))) return folder;
    if (!folder) return '';
  }
}

/** The same tool seen twice (a schema and its implementation, a copy in another example) has the same name. */
function identity(tool: ToolDef): string {
  return identifierWords(tool.name).join('_');
}

/** Pairs of tool names that one call or agent binds together, whatever their files. */
/** Tool identities bound to one call or agent together: identity → the identities it shares a call with. */
function boundTogether(facts: FileFacts): Map<string, Set<string>> {
  const partners = new Map<string, Set<string>>();
  for (const call of facts.llmCalls) {
    const names = [...new Set((call.tools?.names ?? []).map((name) => identifierWords(name).join('_')))];
    for (const name of names) {
      const set = partners.get(name) ?? new Set<string>();
      for (const other of names) if (other !== name) set.add(other);
      partners.set(name, set);
    }
  }
  return partners;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[index] !== root) [index, this.parent[index]] = [this.parent[index], root];
    return root;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

interface Edge {
  a: number;
  b: number;
  similarity: ToolSimilarity;
}

export const overlappingTools = defineRule({
  code: 'GD201',
  name: 'overlapping-tools',
  family: 'tool-sprawl',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    threshold: {
      type: 'number',
      default: 0.62,
      description: 'Similarity (0–1) from which two tools are reported: 0.35 × name + 0.45 × description + 0.2 × parameters, over the parts both tools have. 0.62 sits just under the lowest true overlap measured on eight public LLM repositories (0.63) and above the closest distinct pair in one folder (0.55); see docs/real-world.md.',
    },
    scope: {
      type: 'string',
      default: 'folder',
      description: 'Which tools are compared: `folder` (tools defined in one folder, or bound to one call/agent), `app` (one package: the nearest folder with a package.json, pyproject.toml or requirements.txt), or `workspace` (all). Default `folder`: on public monorepos of example apps, `workspace` only added copies of one tool in independent examples that never reach one model.',
    },
  },
  messages: {
    overlap: '`{name}` and `{other}` are easy for a model to confuse: {reasons}',
    overlapCluster: '`{name}` and `{other}` are easy for a model to confuse: {reasons} ({count} similar tools in all)',
  },
  docs: {
    whatItDoes: 'Compares the tools that can be put in front of the same model — defined in one folder, or bound to one call or agent — across files and frameworks (decorated functions, tool classes, JSON schemas, MCP and AI SDK tools). Each pair is scored on its names (split on snake/camel case; word overlap weighted by rarity, and edit distance), its descriptions (TF-IDF cosine of content words, stop words removed) and its parameters (names and types). Pairs above `threshold` are joined into clusters; every member of a cluster is reported, with the others as related locations and the score explained. Names that lead with action verbs of different meaning (`add_numbers`, `divide_numbers`) are told apart by the verb and reported only when their descriptions are 90% alike or more; synonyms (`fetch`/`get`, `add`/`create`) count as one verb. Tools with the same name count as one tool seen twice (a JSON schema and the function that implements it, or one example copied into two folders) and are not compared.',
    whyIsThisBad: 'A model picks a tool from its name, description and parameters. When two tools read alike, it picks the wrong one some of the time, or calls both; the error looks like flaky model behaviour and gets patched with prompt instructions ("use X, not Y") instead of merging the tools or making them distinct.',
    example: {
      path: 'sales_tools.py',
      code: 'from langchain_core.tools import tool\n\n@tool\ndef get_weekly_sales(region: str) -> str:\n    """Get the sales figures of a region for the current week."""\n    return ""\n\n@tool\ndef get_monthly_sales(region: str) -> str:\n    """Get the sales figures of a region for the current month."""\n    return ""\n',
    },
    useInstead: {
      path: 'sales_tools.py',
      code: 'from typing import Literal\nfrom langchain_core.tools import tool\n\n@tool\ndef get_sales(region: str, period: Literal["week", "month"]) -> str:\n    """Get the sales figures of a region for the current week or month."""\n    return ""\n',
    },
    fixSafety: 'No fix: merging tools or rewriting descriptions needs a person.',
    references: [
      { title: 'Anthropic: define tools (descriptions that tell similar tools apart)', url: 'https://platform.claude.com/docs/en/agents-and-tools/tool-use/define-tools' },
      { title: 'OpenAI: function calling best practices', url: 'https://platform.openai.com/docs/guides/function-calling' },
      { title: 'Anthropic engineering: writing tools for agents', url: 'https://www.anthropic.com/engineering/writing-tools-for-agents' },
    ],
  },
  checkWorkspace: (context) => {
    // Phase 2 runs after every edit in the editor, and most edits change no tool: the clusters
    // are recomputed only when the tools, their bindings to calls, the apps or the options changed.
    const { llmCalls, tools } = context.facts;
    const apps = context.options.scope === 'app'
      ? [...context.pathsWhere('GD201 manifests', (path) => (MANIFESTS.includes(path.slice(path.lastIndexOf('/') + 1)) ? true : null)).keys()].sort()
      : [];
    const key = JSON.stringify([context.options, apps]);
    const unchanged = lastRun?.key === key && sameItems(lastRun.tools, tools, JSON.stringify) && sameItems(lastRun.calls, llmCalls, (call) => JSON.stringify(call.tools?.names ?? null));
    // Kept with this run's lists even when unchanged: the next run then compares most items by identity.
    lastRun = { key, tools, calls: llmCalls, reports: unchanged ? lastRun!.reports : overlapReports(context) };
    return lastRun.reports;
  },
});

let lastRun: { key: string; tools: readonly ToolDef[]; calls: readonly LlmCall[]; reports: Report[] } | undefined;

/** Facts of files phase 1 did not redo are the same objects as in the last run: only the others are compared, by `value`. */
function sameItems<T>(before: readonly T[], now: readonly T[], value: (item: T) => string): boolean {
  return before.length === now.length && before.every((item, index) => item === now[index] || value(item) === value(now[index]));
}

function overlapReports({ facts, allPaths, options }: WorkspaceContext): Report[] {
  const threshold = Number(options.threshold);
  const scope = String(options.scope) as Scope;
  const groupOf = (tool: ToolDef) => (scope === 'workspace' ? '' : scope === 'app' ? appOf(tool.loc.file, allPaths) : folderOf(tool.loc.file));

  // One profile per distinct (group, name): repeats of a name are the same tool.
  const seen = new Set<string>();
  const profiles: (ToolProfile & { group: string; id: string })[] = [];
  for (const tool of facts.tools) {
    const group = groupOf(tool);
    const id = identity(tool);
    if (!id || seen.has(`${group}\0${id}`)) continue;
    seen.add(`${group}\0${id}`);
    profiles.push({ ...profileOf(tool), group, id });
  }
  const nameWeights = new WordWeights(profiles.map((profile) => profile.nameWords));
  const descriptionWeights = new WordWeights(profiles.map((profile) => profile.descriptionWords ?? []));
  const bound = boundTogether(facts);

  const edges: Edge[] = [];
  for (let a = 0; a < profiles.length; a++) {
    for (let b = a + 1; b < profiles.length; b++) {
      const left = profiles[a];
      const right = profiles[b];
      if (left.id === right.id) continue;
      // Checked for every pair of the workspace, so without allocating (phase 2 runs after every edit).
      if (left.group !== right.group && !bound.get(left.id)?.has(right.id)) continue;
      const result = similarity(left, right, nameWeights, descriptionWeights);
      // Different actions (`add_numbers`, `divide_numbers`) are told apart by their verbs, unless the descriptions say the same thing.
      if (result.actions === 'different' && (result.description ?? 0) < SAME_DESCRIPTION) continue;
      if (result.score >= threshold) edges.push({ a, b, similarity: result });
    }
  }
  if (edges.length === 0) return [];

  const clusters = new UnionFind(profiles.length);
  for (const edge of edges) clusters.union(edge.a, edge.b);
  const members = groupBy(new Set(edges.flatMap((edge) => [edge.a, edge.b])), (index) => clusters.find(index));

  const reports: Report[] = [];
  for (const cluster of members.values()) {
    for (const index of cluster) {
      const own = edges.filter((edge) => edge.a === index || edge.b === index).sort((x, y) => y.similarity.score - x.similarity.score);
      const partnerOf = (edge: Edge) => (edge.a === index ? edge.b : edge.a);
      const closest = own[0];
      const related: RelatedLocation[] = cluster.filter((other) => other !== index).map((other) => {
        const direct = own.find((edge) => partnerOf(edge) === other);
        const tool = profiles[other].tool;
        return { loc: tool.loc, message: direct ? `\`${tool.name}\`: ${explain(direct.similarity)}` : `\`${tool.name}\`: in the same cluster of similar tools` };
      });
      reports.push({
        loc: profiles[index].tool.loc,
        messageId: cluster.length > 2 ? 'overlapCluster' : 'overlap',
        data: { name: profiles[index].tool.name, other: profiles[partnerOf(closest)].tool.name, reasons: explain(closest.similarity), count: cluster.length },
        related,
      });
    }
  }
  return reports;
}

import type { RuleDefinition } from '../core/rule';

const fence = (path: string) => '```' + (/\.(ts|tsx|mts|cts)$/.test(path) ? 'ts' : /\.(js|jsx|mjs|cjs)$/.test(path) ? 'js' : /\.py$/.test(path) ? 'python' : /\.json$/.test(path) ? 'json' : '');

/** A rule's documentation page in Markdown (Ruff's sections), for `genai-debt rule` and docs/rules/. */
export function renderRuleDoc(rule: RuleDefinition): string {
  const { docs } = rule;
  const options = Object.entries(rule.options);
  const fixLine = rule.fix === 'none' ? 'No fix.' : `Fix available (${rule.fix}).`;
  return [
    `# ${rule.code} ${rule.name}`,
    '',
    `Family: ${rule.family} · Default severity: ${rule.severity} · ${rule.status === 'preview' ? 'Preview' : 'Stable'} since ${rule.since} · ${fixLine}`,
    '',
    '## What it does', '', docs.whatItDoes, '',
    '## Why is this bad?', '', docs.whyIsThisBad, '',
    '## Example', '', `\`${docs.example.path}\`:`, '', fence(docs.example.path), docs.example.code.trimEnd(), '```', '',
    'Use instead:', '', fence(docs.useInstead.path), docs.useInstead.code.trimEnd(), '```', '',
    '## Fix safety', '', docs.fixSafety, '',
    '## Options', '', ...(options.length ? options.map(([name, spec]) => `- \`${name}\` (${spec.type}, default \`${JSON.stringify(spec.default)}\`): ${spec.description}`) : ['None.']), '',
    '## References', '', ...docs.references.map((ref) => `- [${ref.title}](${ref.url})`),
    '',
  ].join('\n');
}

export function ruleDocPath(rule: RuleDefinition): string {
  return `docs/rules/${rule.code}-${rule.name}.md`;
}

export function renderRuleIndex(rules: readonly RuleDefinition[]): string {
  return [
    '# Rules',
    '',
    'Generated from the rule files by `npm run docs` (a test fails when these pages are out of date).',
    '',
    '| code | name | family | severity | fix |',
    '|---|---|---|---|---|',
    ...rules.map((rule) => `| ${rule.code} | [${rule.name}](${rule.code}-${rule.name}.md) | ${rule.family} | ${rule.severity} | ${rule.fix} |`),
    '',
  ].join('\n');
}

import { inputPriceOf, PRICES_AS_OF } from '../catalog/prices';
import { promptTokenCount } from '../catalog/tokens';
import type { ModelCatalog } from '../catalog/models';
import type { Coverage } from '../core/coverage';
import type { Prompt, ToolDef } from '../core/facts';
import type { Finding } from '../core/finding';
import { redactSecrets } from '../report/redact';

/**
 * The words of CodeLenses and hovers, from facts and catalogs. No VS Code in
 * here (the providers wrap these strings), so it is tested like the engine.
 * Every string goes through redaction: hovers must never show a key.
 */

function formatDollars(value: number): string {
  return value >= 1 ? `$${value.toFixed(2)}` : value >= 0.01 ? `$${value.toFixed(3)}` : `$${value.toFixed(4)}`;
}

/** "4,112 tokens · $10.28 per 1k calls (gpt-4.1)"; without a price: "412 tokens (claude-x: no price)". */
export function promptLensText(prompt: Pick<Prompt, 'text' | 'model' | 'tokens'>): string {
  const { tokens, estimated } = promptTokenCount(prompt);
  const count = `${estimated ? '~' : ''}${tokens.toLocaleString('en-US')} tokens`;
  if (!prompt.model) return count;
  const price = inputPriceOf(prompt.model);
  if (!price) return redactSecrets(`${count} (${prompt.model}: no price in the table)`);
  const perThousandCalls = tokens * (price.inputPerMTok / 1_000_000) * 1000;
  return redactSecrets(`${count} · ${formatDollars(perThousandCalls)} per 1k calls (${prompt.model})`);
}

export function promptLensTooltip(prompt: Pick<Prompt, 'role' | 'source' | 'model'>): string {
  const price = inputPriceOf(prompt.model);
  return redactSecrets(`${prompt.role} prompt (${prompt.source}). Static text only: interpolated values add to it at run time.` +
    (price ? ` Input price of ${prompt.model}: $${price.inputPerMTok} per 1M tokens (price table of ${PRICES_AS_OF}).` : ''));
}

/** "traced by mlflow" / "untraced". */
export function callLensText(coverage: Pick<Coverage, 'traced' | 'tracedBy'> | undefined): string {
  return coverage?.traced ? `traced by ${coverage.tracedBy ?? 'tracing'}` : 'untraced';
}

export function callLensTooltip(coverage: Coverage | undefined): string {
  if (!coverage?.traced) return 'No tracing covers this call: no span or decorator around it, no auto-instrumentation of its SDK, no traced gateway.';
  return redactSecrets(`Covered by ${coverage.tracedBy}${coverage.scope ? ` (${coverage.scope})` : ''}${coverage.signal ? `: ${coverage.signal}` : ''}`);
}

/** Markdown hover for a model id: alias → snapshot, lifecycle, price, and the catalog's source and date. */
export function modelHoverMarkdown(id: string, provider: string | null, catalog: ModelCatalog): string {
  const info = catalog.info(id, provider);
  const lines = [`**${id}**${provider ? ` (${provider})` : ''}`, ''];
  if (info.pinned === null) lines.push('Not in the model catalog.');
  else if (info.pinned) lines.push('Pinned snapshot.');
  else lines.push(`Moving ${info.floats === 'alias' ? 'alias' : 'tag'}${info.snapshot ? ` → today \`${info.snapshot}\`` : ''}.`);
  const lifecycle = info.lifecycle;
  if (lifecycle) {
    const when = lifecycle.shutdown ? `${lifecycle.status === 'retired' ? 'retired on' : 'shuts down'} ${lifecycle.earliestPossible ? 'no earlier than ' : ''}${lifecycle.shutdown}` : 'no shutdown date yet';
    lines.push('', `Status: **${lifecycle.status}**, ${when}${lifecycle.replacement ? `; replacement \`${lifecycle.replacement}\`` : ''}.`);
  } else if (info.pinned !== null) lines.push('', 'Status: active.');
  const price = inputPriceOf(info.snapshot ?? id) ?? inputPriceOf(id);
  if (price) lines.push('', `Input price: $${price.inputPerMTok} per 1M tokens (price table of ${PRICES_AS_OF}).`);
  const sources = [info.retrievedAt ? `${info.source}, read ${info.retrievedAt}` : null, lifecycle ? `${lifecycle.source}, read ${lifecycle.retrievedAt}` : null].filter(Boolean);
  if (sources.length) lines.push('', `_Catalog: ${[...new Set(sources)].join('; ')}._`);
  return redactSecrets(lines.join('\n'));
}

/** Markdown hover for a tool definition: its description and the tools it overlaps with (GD201). */
export function toolHoverMarkdown(tool: Pick<ToolDef, 'name' | 'framework' | 'description' | 'parameters' | 'loc'>, findings: readonly Finding[]): string {
  const lines = [`**${tool.name}** (${tool.framework} tool)`, '', tool.description ? tool.description : '_No description._'];
  if (tool.parameters.length) lines.push('', `Parameters: ${tool.parameters.map((parameter) => `\`${parameter.name}\``).join(', ')}`);
  const overlaps = findings.filter((finding) => finding.rule === 'GD201' && finding.loc.file === tool.loc.file && finding.loc.line === tool.loc.line);
  const related = overlaps.flatMap((finding) => finding.related);
  if (related.length) {
    lines.push('', 'Overlaps with:');
    for (const other of related) lines.push(`- ${other.message} (${other.loc.file}:${other.loc.line})`);
  }
  return redactSecrets(lines.join('\n'));
}

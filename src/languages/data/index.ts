import { emptyFacts } from '../../core/facts';
import type { ExtractResult, FrontEnd, SourceFile } from '../../core/frontend';
import { tracingConfigFiles } from '../../catalog/tracing';
import { tracingFromEnv } from './env';
import { isSecretsFile } from '../../catalog/secrets';
import { isDataFile, isEnvFile, isInPromptFolder, isPlainPromptFile, isPromptFile, isTemplateFile, isYamlPath } from './paths';
import { promptFromTextFile, promptsFromData, promptsFromPromptFile } from './prompts';
import { LineIndex } from './text-positions';
import { findTools } from './tools';
import { parseJsonData, parseYamlData, type ParsedData } from './tree';

/** Tool schemas and prompts in data files are small; a larger JSON/YAML file is a data set, not configuration. */
const maxDataFileBytes = 2 * 1024 * 1024;

/**
 * The data front-end: tool schemas in JSON/YAML, prompt files (`.prompty`,
 * `.prompt`, `*.prompt.yml`, Jinja templates and text in prompt folders) and
 * tracing switches in `.env` files; secrets files (`.env`, `secrets.toml`) are read for the key scan.
 */
export function createDataFrontEnd(): FrontEnd {
  return {
    id: 'data',
    language: 'prompt',
    // Secrets files carry no facts; they are read for GD501's key scan.
    accepts: (path) => isSecretsFile(path) || isPromptFile(path) || isTemplateFile(path) || isPlainPromptFile(path) || isDataFile(path),
    extract,
  };
}

function extract(file: SourceFile): ExtractResult {
  const facts = emptyFacts();
  const lines = new LineIndex(file.text);
  const path = file.path;
  if (isSecretsFile(path)) {
    if (isEnvFile(path)) facts.tracing.push(...tracingFromEnv(path, file.text, lines));
    return { facts, syntaxErrors: 0 };
  }
  if (isPromptFile(path) && !isYamlPath(path)) {
    const found = promptsFromPromptFile(path, file.text, lines);
    facts.prompts.push(...found.prompts);
    facts.models.push(...found.models);
    return { facts, syntaxErrors: found.syntaxErrors };
  }
  if (isTemplateFile(path)) {
    facts.prompts.push(...promptFromTextFile(path, file.text, lines, 'template'));
    return { facts, syntaxErrors: 0 };
  }
  if (isPlainPromptFile(path)) {
    facts.prompts.push(...promptFromTextFile(path, file.text, lines, 'unknown'));
    return { facts, syntaxErrors: 0 };
  }
  // JSON and YAML (a `*.prompt.yml` is YAML too).
  if (file.text.length > maxDataFileBytes) {
    return { facts, syntaxErrors: 0, skipped: `data file too large to hold tool schemas (${(file.text.length / 1048576).toFixed(1)} MB > 2 MB)` };
  }
  let parsed: ParsedData;
  try {
    parsed = isYamlPath(path) ? parseYamlData(file.text) : parseJsonData(file.text);
  } catch (error) {
    if (error instanceof RangeError) return { facts, syntaxErrors: 0, skipped: 'nesting too deep to parse' };
    throw error;
  }
  facts.tools.push(...findTools(parsed.roots, path, lines));
  const config = tracingConfigFiles.find((candidate) => path === candidate.name || path.endsWith(`/${candidate.name}`));
  if (config) {
    facts.tracing.push({ kind: 'tracing', loc: lines.location(path, 0, Math.min(1, file.text.length)), library: config.library, scope: 'env', covers: [...config.covers], target: null, signal: config.name });
  }
  if (isPromptFile(path) || isInPromptFolder(path)) {
    const found = promptsFromData(parsed.roots, path, lines);
    facts.prompts.push(...found.prompts);
    facts.models.push(...found.models);
  }
  return { facts, syntaxErrors: parsed.syntaxErrors };
}

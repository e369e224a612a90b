import { isSecretsFile } from '../../catalog/secrets';

/**
 * Which data files the data front-end reads, by path alone. Precision matters:
 * every JSON/YAML file of a repository is not a tool schema, and a Markdown
 * file is a prompt only when it lives in a prompt folder.
 */

/** `prompts`, `prompt`, `system_prompts`, `prompt-templates`, `agent_prompts`: a segment with the word prompt(s) in it. */
const promptFolderNames = /(^|[-_.])prompts?($|[-_.])/i;

/** Build, CI and editor files that never hold tools or prompts. */
const ignoredDataNames = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', 'composer.json',
  'composer.lock', 'bun.lock', 'deno.json', 'deno.lock', 'lerna.json', 'nx.json', 'turbo.json', 'vercel.json', 'renovate.json',
  '.pre-commit-config.yaml', '.pre-commit-hooks.yaml', '.gitlab-ci.yml', '.travis.yml', 'appveyor.yml', 'codecov.yml',
  '.codecov.yml', 'mkdocs.yml', '.readthedocs.yaml', '.readthedocs.yml', 'environment.yml', 'environment.yaml',
  'devcontainer.json', '.devcontainer.json', 'app.json', 'manifest.json', 'firebase.json', 'angular.json',
  '.genai-debt.json',
]);

/** Config-file families matched by pattern: tsconfig.base.json, .eslintrc.json, .prettierrc.yaml, *.lock.json. */
const ignoredDataPatterns = [/^[tj]sconfig.*\.json$/i, /^\.(eslintrc|prettierrc|babelrc|stylelintrc|swcrc|markdownlint)/i, /[.-]lock\.(json|ya?ml)$/i];

/** Folders whose JSON/YAML is CI or editor configuration. */
const ignoredDataFolders = [/(^|\/)\.genai-debt\//, /^\.github\/(workflows|ISSUE_TEMPLATE)\//i, /(^|\/)\.circleci\//, /(^|\/)\.vscode\//, /(^|\/)\.idea\//];

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function isInPromptFolder(path: string): boolean {
  return path.split('/').slice(0, -1).some((segment) => promptFolderNames.test(segment));
}

export function isEnvFile(path: string): boolean {
  return isSecretsFile(path) && !baseName(path).endsWith('.toml');
}

/** `.prompt`, `.prompty`, and GitHub Models' `*.prompt.yml`. */
export function isPromptFile(path: string): boolean {
  const name = baseName(path).toLowerCase();
  return name.endsWith('.prompt') || name.endsWith('.prompty') || /\.prompt\.ya?ml$/.test(name);
}

export function isTemplateFile(path: string): boolean {
  const extension = extensionOf(baseName(path));
  if (extension !== 'j2' && extension !== 'jinja' && extension !== 'jinja2') return false;
  return isInPromptFolder(path) || /prompt/i.test(baseName(path));
}

/** Plain-text prompts: `.txt`/`.md` in a prompt folder, not the folder's README. */
export function isPlainPromptFile(path: string): boolean {
  const name = baseName(path);
  const extension = extensionOf(name);
  if (extension !== 'txt' && extension !== 'md') return false;
  if (/^(readme|changelog|license|contributing)\b/i.test(name)) return false;
  return isInPromptFolder(path);
}

export function isDataFile(path: string): boolean {
  const name = baseName(path);
  const extension = extensionOf(name);
  if (extension !== 'json' && extension !== 'jsonc' && extension !== 'yaml' && extension !== 'yml') return false;
  if (ignoredDataNames.has(name.toLowerCase())) return false;
  if (ignoredDataPatterns.some((pattern) => pattern.test(name))) return false;
  return !ignoredDataFolders.some((pattern) => pattern.test(path));
}

export function isYamlPath(path: string): boolean {
  const extension = extensionOf(baseName(path));
  return extension === 'yaml' || extension === 'yml';
}

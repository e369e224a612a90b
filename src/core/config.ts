import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Severity } from './finding';
import { severities } from './finding';
import type { RuleDefinition } from './rule';
import type { CatalogOverrides, ModelOverride } from '../catalog/models';

/**
 * `.genai-debt.json` (comments allowed):
 * {
 *   "include": ["src/**"],                 // only these files (globs, POSIX, relative to the root)
 *   "exclude": ["**\/fixtures/**"],        // never these
 *   "maxFileBytes": 5000000,               // larger files are skipped with a reason
 *   "rules": {
 *     "GD401": "off",                      // or "error" | "warning" | "info"
 *     "GD101": { "severity": "warning", "options": { "maxPromptTokens": 3000 } }
 *   },
 *   "catalog": {                           // extends or overrides the model catalog
 *     "models": {
 *       "my-alias": { "pinned": false, "snapshot": "my-model-2026-01-01" },
 *       "gpt-4o": { "status": "retired", "shutdown": "2027-01-14", "replacement": "gpt-6-luna" }
 *     }
 *   }
 * }
 */
export interface RuleSetting {
  enabled: boolean;
  severity?: Severity;
  options: Record<string, unknown>;
}

export interface Config {
  include: string[];
  exclude: string[];
  maxFileBytes: number;
  rules: Record<string, RuleSetting>;
  /** Model catalog overrides and additions (absent: the built-in catalog as is). */
  catalog?: CatalogOverrides;
}

export const CONFIG_FILE_NAME = '.genai-debt.json';
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export class ConfigError extends Error {}

export function defaultConfig(): Config {
  return { include: [], exclude: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES, rules: {}, catalog: { models: {} } };
}

const TOP_LEVEL_KEYS = new Set(['$schema', 'include', 'exclude', 'maxFileBytes', 'rules', 'catalog']);

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new ConfigError(`${where} must be a list of glob strings`);
  }
  return value as string[];
}

function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (severities as readonly string[]).includes(value);
}

function checkOptions(rule: RuleDefinition, options: unknown, where: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new ConfigError(`${where} must be an object`);
  for (const [name, value] of Object.entries(options)) {
    const spec = rule.options[name];
    if (!spec) {
      const known = Object.keys(rule.options);
      throw new ConfigError(`${where}.${name}: ${rule.code} has no option "${name}"${known.length ? ` (options: ${known.join(', ')})` : ''}`);
    }
    const ok = spec.type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === spec.type;
    if (!ok) throw new ConfigError(`${where}.${name} must be a ${spec.type}`);
  }
  return options as Record<string, unknown>;
}

function ruleSetting(rule: RuleDefinition, value: unknown, where: string): RuleSetting {
  if (value === 'off' || value === false) return { enabled: false, options: {} };
  if (value === 'on' || value === true) return { enabled: true, options: {} };
  if (isSeverity(value)) return { enabled: true, severity: value, options: {} };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { severity, options, enabled, ...rest } = value as Record<string, unknown>;
    const unknownKeys = Object.keys(rest);
    if (unknownKeys.length) throw new ConfigError(`${where}: unknown key "${unknownKeys[0]}" (use severity, options, enabled)`);
    if (severity !== undefined && severity !== 'off' && !isSeverity(severity)) throw new ConfigError(`${where}.severity must be one of error, warning, info, off`);
    if (enabled !== undefined && typeof enabled !== 'boolean') throw new ConfigError(`${where}.enabled must be true or false`);
    return {
      enabled: severity !== 'off' && enabled !== false,
      severity: isSeverity(severity) ? severity : undefined,
      options: options === undefined ? {} : checkOptions(rule, options, `${where}.options`),
    };
  }
  throw new ConfigError(`${where} must be "off", a severity (error, warning, info) or { "severity", "options" }`);
}

const MODEL_OVERRIDE_KEYS = ['pinned', 'snapshot', 'status', 'shutdown', 'replacement'];
const LIFECYCLE_STATUSES = ['active', 'deprecated', 'retired'];

function modelOverride(value: unknown, where: string): ModelOverride {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where} must be an object with ${MODEL_OVERRIDE_KEYS.join(', ')}`);
  const entry = value as Record<string, unknown>;
  const unknownKey = Object.keys(entry).find((key) => !MODEL_OVERRIDE_KEYS.includes(key));
  if (unknownKey) throw new ConfigError(`${where}: unknown key "${unknownKey}" (use ${MODEL_OVERRIDE_KEYS.join(', ')})`);
  if (entry.pinned !== undefined && typeof entry.pinned !== 'boolean') throw new ConfigError(`${where}.pinned must be true or false`);
  for (const key of ['snapshot', 'replacement'] as const) {
    if (entry[key] !== undefined && (typeof entry[key] !== 'string' || entry[key] === '')) throw new ConfigError(`${where}.${key} must be a model id string`);
  }
  if (entry.status !== undefined && !LIFECYCLE_STATUSES.includes(entry.status as string)) throw new ConfigError(`${where}.status must be one of ${LIFECYCLE_STATUSES.join(', ')}`);
  if (entry.shutdown !== undefined && (typeof entry.shutdown !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.shutdown) || Number.isNaN(Date.parse(entry.shutdown)))) {
    throw new ConfigError(`${where}.shutdown must be a date written YYYY-MM-DD`);
  }
  return entry as ModelOverride;
}

function catalogOverrides(value: unknown, where: string): CatalogOverrides {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where} must be an object with a "models" key`);
  const { models, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) throw new ConfigError(`${where}: unknown key "${unknownKeys[0]}" (use models)`);
  if (models === undefined) return { models: {} };
  if (typeof models !== 'object' || models === null || Array.isArray(models)) throw new ConfigError(`${where}.models must be an object keyed by model id`);
  return { models: Object.fromEntries(Object.entries(models).map(([id, entry]) => [id, modelOverride(entry, `${where}.models["${id}"]`)])) };
}

/** Parses and validates a config file's text. Every problem is a ConfigError with a one-line message. */
export function parseConfig(text: string, rules: readonly RuleDefinition[], source = CONFIG_FILE_NAME): Config {
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const first = errors[0];
    const line = text.slice(0, first.offset).split('\n').length;
    throw new ConfigError(`${source}:${line}: invalid JSON (${printParseErrorCode(first.error)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${source}: the config must be a JSON object`);
  const config = defaultConfig();
  for (const [key, value] of Object.entries(raw)) {
    if (!TOP_LEVEL_KEYS.has(key)) throw new ConfigError(`${source}: unknown key "${key}" (known: ${[...TOP_LEVEL_KEYS].filter((k) => k !== '$schema').join(', ')})`);
    if (key === 'include' || key === 'exclude') config[key] = stringList(value, `${source}: "${key}"`);
    if (key === 'maxFileBytes') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ConfigError(`${source}: "maxFileBytes" must be a positive number`);
      config.maxFileBytes = value;
    }
    if (key === 'catalog') config.catalog = catalogOverrides(value, `${source}: catalog`);
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${source}: "rules" must be an object keyed by rule code or name`);
      for (const [id, setting] of Object.entries(value)) {
        const rule = rules.find((r) => r.code === id || r.name === id);
        if (!rule) throw new ConfigError(`${source}: unknown rule "${id}" (see \`genai-debt rules\`)`);
        config.rules[rule.code] = ruleSetting(rule, setting, `${source}: rules.${id}`);
      }
    }
  }
  return config;
}

/**
 * Callee patterns. Front-ends resolve a callee to a dotted *origin path*: the
 * imported module followed by the attribute chain, with `()` after each
 * segment that was called or constructed:
 *
 *   from openai import OpenAI; c = OpenAI(); c.chat.completions.create(...)
 *     -> "openai.OpenAI().chat.completions.create"
 *   import OpenAI from "openai"; new OpenAI().responses.create(...)
 *     -> "openai.default().responses.create"
 *
 * A root whose origin is not followed (a parameter, a factory's result) is `?`:
 *   def f(client): client.messages.create(...)  -> "?.messages.create"
 *
 * Pattern segments: a literal (`create`, `OpenAI()`), `*` (one segment),
 * `**` (zero or more segments), `{a,b}` (alternatives, may be followed by `()`),
 * `*` inside a segment (any characters but a dot: `instrumentation-*`).
 * npm scopes are written as they are (`@anthropic-ai/sdk`).
 */
export type CompiledPattern = RegExp;

const cache = new Map<string, RegExp>();

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function segmentRegex(segment: string): string {
  if (segment === '*') return '[^.]+';
  const called = segment.endsWith('()');
  const name = called ? segment.slice(0, -2) : segment;
  let body: string;
  if (name === '*') body = '[^.(]+';
  else if (name.startsWith('{') && name.endsWith('}')) {
    body = '(?:' + name.slice(1, -1).split(',').map(escapeRegex).join('|') + ')';
  } else body = escapeRegex(name).replace(/\\\*/g, '[^.(]*'); // `*` inside a name: `@arizeai/openinference-instrumentation-*`
  return body + (called ? '\\(\\)' : '');
}

/** Splits a pattern on dots outside `{…}` groups. */
export function splitSegments(pattern: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of pattern) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === '.' && depth === 0) {
      segments.push(current);
      current = '';
    } else current += ch;
  }
  segments.push(current);
  return segments;
}

export function compilePattern(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const parts = splitSegments(pattern);
  let source = '^';
  parts.forEach((segment, index) => {
    if (segment === '**') {
      // zero or more whole segments, each followed by a dot (or preceded, at the end)
      source += index === parts.length - 1 ? '(?:\\..+)?' : '(?:[^.]+\\.)*';
      return;
    }
    source += segmentRegex(segment);
    const next = parts[index + 1];
    if (index < parts.length - 1 && !(next === '**' && index + 1 === parts.length - 1)) source += '\\.';
  });
  source += '$';
  const regex = new RegExp(source);
  cache.set(pattern, regex);
  return regex;
}

export function matchesAny(path: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns) return false;
  return patterns.some((pattern) => compilePattern(pattern).test(path));
}

/**
 * The names the last segment of a path can have to match one of `patterns`
 * (`create` for `openai.OpenAI().chat.completions.create`); null when a
 * pattern ends in a wildcard, so any name can. Lets a front-end rule out
 * most calls by their method name before resolving their origin.
 */
export function lastSegmentNames(patterns: Iterable<string>): ReadonlySet<string> | null {
  const names = new Set<string>();
  for (const pattern of patterns) {
    const segments = splitSegments(pattern);
    const last = segments[segments.length - 1].replace(/\(\)$/, '');
    if (last.includes('*')) return null;
    const alternatives = last.startsWith('{') && last.endsWith('}') ? last.slice(1, -1).split(',') : [last];
    // An alternative may hold dots of its own (`{generate_content,start_chat().send_message}`).
    for (const name of alternatives) names.add(name.slice(name.lastIndexOf('.') + 1).replace(/\(\)$/, ''));
  }
  return names;
}

/**
 * Secrets never leave: every string a report, hover or log shows goes through
 * here first. A key is replaced by its provider prefix and at most its last 4
 * characters (enough to tell two keys apart, useless to an attacker).
 */

import { ASSIGNED_SECRET, looksLikeToken, PREFIXED_KEYS } from '../catalog/secrets';

const MARK = '[REDACTED';

function mask(secret: string): string {
  // Short secrets keep nothing: four characters of twelve is a third of the key.
  const tail = secret.length >= 20 ? `…${secret.slice(-4)}` : '';
  return `${MARK}${tail}]`;
}

/** Redacts every key-like string in one piece of text. */
export function redactSecrets(text: string): string {
  let out = text;
  // Keys are random: a prefix followed by one-case words (`sk-learn-pipeline-config`) is not one.
  for (const { pattern } of PREFIXED_KEYS) out = out.replace(pattern, (whole, prefix: string, secret: string) => (looksLikeToken(secret) ? `${prefix}${mask(secret)}` : whole));
  return out.replace(ASSIGNED_SECRET, (whole, lead: string, value: string) => (looksLikeToken(value) ? `${lead}${mask(value)}` : whole));
}

/** A deep copy of any JSON value (an audit, a finding) with every string redacted. */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item)])) as T;
  }
  return value;
}

import type { Location, ModelRef } from '../../core/facts';
import type { Fix } from '../../core/finding';

const PROVIDER_PREFIX = /^[\w-]+[/:](?=.)/;

/** The source text a one-line location covers. */
export function textAt(text: string, loc: Location): string | null {
  if (loc.line !== loc.endLine || loc.cell !== undefined) return null;
  const line = text.split('\n')[loc.line - 1];
  return line === undefined ? null : line.slice(loc.column - 1, loc.endColumn - 1);
}

/** The id with the provider prefix of the original (`openai/`, `ollama:`), as a fix writes it. */
export function withPrefixOf(model: ModelRef, newId: string): string {
  return (PROVIDER_PREFIX.exec(model.id)?.[0] ?? '') + newId;
}

/**
 * A fix that swaps the model id inside its string literal, keeping the quotes;
 * null when the location is not exactly the quoted id (a notebook cell, a constant folded from parts).
 */
export function replaceModelId(text: string, model: ModelRef, newId: string, title: string, safety: Fix['safety']): Fix | null {
  const literal = textAt(text, model.loc);
  if (literal === null || !/^(["'`])(.*)\1$/.test(literal) || literal.slice(1, -1) !== model.id) return null;
  return { title, safety, edits: [{ loc: { ...model.loc, column: model.loc.column + 1, endColumn: model.loc.endColumn - 1 }, newText: withPrefixOf(model, newId) }] };
}

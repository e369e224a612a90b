/**
 * Engine locations are 1-based with an exclusive end column; VS Code ranges are
 * 0-based with an exclusive end character. Pure, so it is tested without VS Code.
 */
export interface EnginePlace {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ZeroBasedRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** Converts an engine location; workspace-level findings (line 0) land on the first character of the file. */
export function toZeroBased(place: EnginePlace): ZeroBasedRange {
  const startLine = Math.max(0, place.line - 1);
  const startCharacter = Math.max(0, place.column - 1);
  const endLine = Math.max(startLine, (place.endLine ?? place.line) - 1);
  let endCharacter = Math.max(0, (place.endColumn ?? place.column) - 1);
  if (endLine === startLine && endCharacter < startCharacter) endCharacter = startCharacter;
  return { startLine, startCharacter, endLine, endCharacter };
}

/** Whether a 0-based position lies inside an engine location (end inclusive, so a cursor just after a word still counts). */
export function containsPosition(place: EnginePlace, line: number, character: number): boolean {
  const range = toZeroBased(place);
  if (line < range.startLine || line > range.endLine) return false;
  if (line === range.startLine && character < range.startCharacter) return false;
  if (line === range.endLine && character > range.endCharacter) return false;
  return true;
}

/** POSIX path of a file relative to a folder root, or null when it lies outside (both given as URI paths). */
export function relativePosixPath(rootPath: string, filePath: string): string | null {
  const root = rootPath.endsWith('/') ? rootPath : `${rootPath}/`;
  if (!filePath.startsWith(root)) return null;
  const rest = filePath.slice(root.length);
  return rest === '' ? null : rest;
}

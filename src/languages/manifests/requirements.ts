import type { Dependency } from '../../core/facts';
import { isGenaiPackage } from '../../catalog/dependencies';
import { directReferencePinning, eggName, parseRequirement } from './requirement';

/** A logical requirements line: continuation lines (`\` at the end) joined, comment removed. */
interface LogicalLine {
  text: string;
  startLine: number;
  endLine: number;
  /** Column after the last character of the requirement on its last physical line. */
  endColumn: number;
  indent: number;
}

function logicalLines(text: string): LogicalLine[] {
  const rows = text.split('\n').map((row) => row.replace(/\r$/, ''));
  const result: LogicalLine[] = [];
  for (let index = 0; index < rows.length; index++) {
    const startLine = index + 1;
    let joined = '';
    let row = rows[index];
    while (/\\$/.test(row) && index + 1 < rows.length) {
      joined += row.slice(0, -1) + ' ';
      row = rows[++index];
    }
    // pip's rule: `#` at the start or after whitespace starts a comment (a URL's `#egg=` does not).
    const comment = row.search(/(^|\s)#/);
    const kept = (comment >= 0 ? row.slice(0, comment) : row).trimEnd();
    joined += kept;
    const indent = joined.length - joined.trimStart().length;
    result.push({ text: joined.trim(), startLine, endLine: index + 1, endColumn: kept.length + 1, indent });
  }
  return result;
}

/**
 * `requirements*.txt`: one dependency per requirement line; `-r`/`-c`
 * includes and index options name no package; `-e` and URL lines do when
 * they carry `#egg=`; local paths (`-e .`) are part of the project itself.
 */
export function requirementsDependencies(file: string, text: string): { dependencies: Dependency[]; syntaxErrors: number } {
  const dependencies: Dependency[] = [];
  let syntaxErrors = 0;
  for (const line of logicalLines(text)) {
    if (line.text === '') continue;
    const found = requirementOfLine(line.text);
    if (found === 'not-a-requirement') continue;
    if (found === null) {
      syntaxErrors++;
      continue;
    }
    dependencies.push({
      kind: 'dependency',
      loc: { file, line: line.startLine, column: line.indent + 1, endLine: line.endLine, endColumn: line.endColumn },
      name: found.name,
      ecosystem: 'pypi',
      spec: found.spec,
      pinning: found.pinning,
      genai: isGenaiPackage(found.name, 'pypi'),
      lockfile: null,
    });
  }
  return { dependencies, syntaxErrors };
}

function requirementOfLine(text: string): ReturnType<typeof parseRequirement> | 'not-a-requirement' {
  // Hash options belong to the requirement before them on the same logical line.
  const requirement = text.replace(/\s--hash[=\s]\S+/g, '').trim();
  const editable = /^(-e|--editable)[=\s]+(\S+)/.exec(requirement);
  if (editable) return urlRequirement(editable[2]);
  if (requirement.startsWith('-')) return 'not-a-requirement';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement) || /^(git|hg|svn|bzr)\+/.test(requirement)) return urlRequirement(requirement);
  if (/^[./~]/.test(requirement) || /\.(whl|tar\.gz|zip)$/.test(requirement)) return 'not-a-requirement';
  return parseRequirement(requirement);
}

function urlRequirement(url: string): ReturnType<typeof parseRequirement> | 'not-a-requirement' {
  const name = eggName(url);
  if (name === null) return 'not-a-requirement';
  return { name, spec: url, pinning: directReferencePinning(url) };
}

/** True when every requirement of the file is pinned with `==`/`===`: a compiled file (pip-compile, `uv pip compile`) that locks itself. */
export function isFullyPinnedRequirements(text: string): boolean {
  const requirements = logicalLines(text).filter((line) => line.text !== '' && !line.text.startsWith('-'));
  return requirements.length > 0 && requirements.every((line) => {
    const parsed = parseRequirement(line.text.replace(/\s--hash[=\s]\S+/g, ''));
    return parsed !== null && parsed.pinning === 'exact';
  });
}

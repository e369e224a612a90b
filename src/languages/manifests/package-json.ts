import { findNodeAtLocation, parseTree, type ParseError } from 'jsonc-parser';
import type { Dependency } from '../../core/facts';
import { isGenaiPackage } from '../../catalog/dependencies';
import type { LineIndex } from '../data/text-positions';
import { npmPinning } from './pinning';

const dependencySections = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** package.json dependency maps; workspace, file and link specs point into the repository and are skipped. */
export function packageJsonDependencies(file: string, text: string, lines: LineIndex): { dependencies: Dependency[]; syntaxErrors: number } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const dependencies: Dependency[] = [];
  if (!tree) return { dependencies, syntaxErrors: errors.length };
  for (const section of dependencySections) {
    const map = findNodeAtLocation(tree, [section]);
    if (map?.type !== 'object') continue;
    for (const property of map.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (typeof keyNode?.value !== 'string' || typeof valueNode?.value !== 'string') continue;
      const spec: string = valueNode.value;
      if (/^(workspace|file|link|portal):/.test(spec)) continue;
      dependencies.push({
        kind: 'dependency',
        loc: lines.location(file, property.offset, property.offset + property.length),
        name: keyNode.value,
        ecosystem: 'npm',
        spec: spec.trim() === '' ? null : spec,
        pinning: npmPinning(spec),
        genai: isGenaiPackage(keyNode.value, 'npm'),
        lockfile: null,
      });
    }
  }
  return { dependencies, syntaxErrors: errors.length };
}

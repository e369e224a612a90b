import { join } from 'node:path';
import type * as EngineHost from './engine-host';

let loaded: typeof EngineHost | undefined;

/**
 * The engine, loaded on first use. A computed path keeps esbuild from inlining
 * it into the activation bundle: dist/extension.js stays small and
 * dist/engine-host.js (parsers, rules, catalogs) loads after activation.
 */
export function engineHost(): typeof EngineHost {
  loaded ??= require(join(__dirname, 'engine-host')) as typeof EngineHost;
  return loaded;
}

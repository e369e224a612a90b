import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrontEnd } from '../core/frontend';
import { createPythonFrontEnd } from '../languages/python';
import { createTypeScriptFrontEnd } from '../languages/typescript';
import { createDataFrontEnd } from '../languages/data';
import { createNotebookFrontEnd } from '../languages/notebook';
import { createManifestFrontEnd } from '../languages/manifests';

/**
 * Finds a wasm file: beside the bundle (dist/, where the build copies them) or
 * in its npm package. Never downloaded.
 */
function wasmBytes(fileName: string, packageSpecifier: string): Uint8Array {
  const besideBundle = join(__dirname, fileName);
  if (existsSync(besideBundle)) return readFileSync(besideBundle);
  return readFileSync(require.resolve(packageSpecifier));
}

let loading: Promise<FrontEnd[]> | undefined;

/** Every front-end, in the order their `accepts` is asked (manifests before generic data files). */
export function loadFrontEnds(): Promise<FrontEnd[]> {
  loading ??= (async () => {
    const python = await createPythonFrontEnd({
      runtime: wasmBytes('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'),
      grammar: wasmBytes('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'),
    });
    return [python, createTypeScriptFrontEnd(), createNotebookFrontEnd(python), createManifestFrontEnd(), createDataFrontEnd()];
  })();
  return loading;
}

import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import { modelFileExtensions } from '../../catalog/artifacts';
import { defineRule, type WorkspaceContext } from '../../core/rule';

/**
 * GD404 unversioned-model-artifact. Model weights and serialised models in the
 * workspace that neither Git LFS nor DVC versions: committed to git as blobs,
 * or lying in the tree with nothing recording which one a run used.
 */

const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\//;
/** hnswlib segments of a persisted Chroma collection (`db/<uuid>/header.bin`): a vector index, not a model, though `.bin` too. */
const VECTOR_INDEX_FILES = new Set(['header.bin', 'length.bin', 'link_lists.bin', 'data_level0.bin']);

function folderOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function relativeTo(folder: string, path: string): string | null {
  if (folder === '') return path;
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : null;
}

interface LfsPattern {
  folder: string;
  pattern: string;
  lfs: boolean;
}

/** `filter=lfs` lines of every `.gitattributes`, in the order git applies them (outer files first, later lines win). */
function lfsPatterns(context: WorkspaceContext): LfsPattern[] {
  const files = [...context.pathsWhere('GD404 gitattributes', (path) => (path === '.gitattributes' || path.endsWith('/.gitattributes') ? true : null)).keys()];
  if (!files.includes('.gitattributes') && context.readText('.gitattributes') !== null) files.push('.gitattributes');
  files.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  const patterns: LfsPattern[] = [];
  for (const file of files) {
    const text = context.readText(file);
    if (text === null) continue;
    for (const line of text.split(/\r?\n/)) {
      const [pattern, ...attributes] = line.trim().split(/\s+/);
      if (!pattern || pattern.startsWith('#')) continue;
      if (attributes.includes('filter=lfs')) patterns.push({ folder: folderOf(file), pattern, lfs: true });
      else if (attributes.some((attribute) => attribute === '-filter' || attribute === '!filter' || (attribute.startsWith('filter=') && attribute !== 'filter=lfs'))) {
        patterns.push({ folder: folderOf(file), pattern, lfs: false });
      }
    }
  }
  return patterns;
}

/** gitattributes matching: a pattern without a slash matches the name at any depth; with one, the path from the file's folder. */
function attributeMatches(entry: LfsPattern, path: string): boolean {
  const relative = relativeTo(entry.folder, path);
  if (relative === null) return false;
  const pattern = entry.pattern.replace(/^\//, '');
  return entry.pattern.includes('/') ? minimatch(relative, pattern, { dot: true }) : minimatch(relative, pattern, { dot: true, matchBase: true });
}

function underLfs(path: string, patterns: readonly LfsPattern[], context: WorkspaceContext): boolean {
  let lfs = false;
  for (const entry of patterns) if (attributeMatches(entry, path)) lfs = entry.lfs;
  if (lfs) return true;
  // A checkout without LFS installed holds the pointer text itself.
  const text = context.readText(path);
  return text !== null && LFS_POINTER.test(text);
}

/** Outputs DVC tracks: `<path>.dvc` files and the `outs` of every `dvc.yaml` stage (relative to its folder). */
function dvcOutputs(context: WorkspaceContext): Set<string> {
  const outputs = new Set<string>();
  const dvcFiles = context.pathsWhere('GD404 dvc', (path) => (path.endsWith('.dvc') || path === 'dvc.yaml' || path.endsWith('/dvc.yaml') ? true : null));
  for (const path of dvcFiles.keys()) {
    if (path.endsWith('.dvc')) outputs.add(path.slice(0, -'.dvc'.length));
    if (path !== 'dvc.yaml' && !path.endsWith('/dvc.yaml')) continue;
    const text = context.readText(path);
    if (text === null) continue;
    let pipeline: unknown;
    try {
      pipeline = parseYaml(text);
    } catch {
      continue;
    }
    const stages = (pipeline as { stages?: Record<string, { outs?: unknown }> } | null)?.stages;
    if (!stages || typeof stages !== 'object') continue;
    const folder = folderOf(path);
    for (const stage of Object.values(stages)) {
      const outs = Array.isArray(stage?.outs) ? stage.outs : [];
      for (const out of outs) {
        const name = typeof out === 'string' ? out : out && typeof out === 'object' ? Object.keys(out)[0] : undefined;
        if (name) outputs.add((folder ? `${folder}/${name}` : name).replace(/\/+$/, '').replace(/(^|\/)\.\//g, '$1'));
      }
    }
  }
  return outputs;
}

function underDvc(path: string, outputs: ReadonlySet<string>): boolean {
  const segments = path.split('/');
  return segments.some((_, index) => outputs.has(segments.slice(0, index + 1).join('/')));
}

export const unversionedModelArtifact = defineRule({
  code: 'GD404',
  name: 'unversioned-model-artifact',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    extensions: { type: 'string[]', default: [...modelFileExtensions], description: 'File extensions of model weights and serialised models.' },
  },
  messages: {
    committedBlob: '`{path}` is committed to git as a plain blob, versioned by neither Git LFS nor DVC',
    unversioned: '`{path}` is a serialised model or data artifact that neither Git LFS nor DVC versions',
  },
  docs: {
    whatItDoes: 'Lists the model weights and serialised models in the workspace (`.safetensors .bin .pt .pth .ckpt .onnx .gguf .ggml .pkl .joblib .h5 .keras .tflite .mlmodel .npz`, configurable; the hnswlib segments of a persisted Chroma index are not counted) and flags those that Git LFS does not store (no `filter=lfs` pattern in any `.gitattributes` covers them, and the file is not an LFS pointer) and DVC does not track (no `<file>.dvc` beside it or for a folder above it, no `dvc.yaml` stage output covering it). When git is available, files it tracks are reported as committed blobs; without git nothing is said about tracking. Files your `.gitignore` excludes are not in the audit.',
    whyIsThisBad: 'A model committed as a plain blob bloats every clone forever and has no lineage: the history shows that bytes changed, not which data, code and parameters produced them. A model lying in the tree unversioned is worse: which one a run used cannot be told at all. LFS stores the bytes outside git history; DVC also records how they were produced.',
    example: { path: 'models/classifier.pkl', code: '(binary model written by joblib.dump)\n' },
    useInstead: { path: 'models/classifier.pkl.dvc', code: 'outs:\n- md5: 3f2a9c1e0b7d4e5f8a6b9c0d1e2f3a4b\n  path: classifier.pkl\n' },
    fixSafety: 'No fix: moving a file to LFS (`git lfs track`, `git lfs migrate`) or DVC (`dvc add`) rewrites how it is stored and, for files already in history, the history itself.',
    references: [
      { title: 'Git LFS: tracking files', url: 'https://git-lfs.com/' },
      { title: 'DVC: versioning data and models', url: 'https://dvc.org/doc/start/data-management/data-versioning' },
      { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (2015)', url: 'https://papers.nips.cc/paper/5656-hidden-technical-debt-in-machine-learning-systems' },
    ],
  },
  checkWorkspace(context) {
    const extensions = new Set((context.options.extensions as string[]).map((extension) => extension.toLowerCase()));
    const candidates = [...context.pathsWhere(`GD404 model files ${[...extensions].join(' ')}`, (path) => {
      const extension = /\.[^./]+$/.exec(path)?.[0].toLowerCase();
      return extension !== undefined && extensions.has(extension) && !VECTOR_INDEX_FILES.has(path.slice(path.lastIndexOf('/') + 1)) ? true : null;
    }).keys()];
    if (candidates.length === 0) return [];
    const patterns = lfsPatterns(context);
    const outputs = dvcOutputs(context);
    return candidates.sort()
      .filter((path) => !underDvc(path, outputs) && !underLfs(path, patterns, context))
      .map((path) => ({
        loc: { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 },
        messageId: context.repository?.tracked.has(path) ? 'committedBlob' : 'unversioned',
        data: { path },
      }));
  },
});

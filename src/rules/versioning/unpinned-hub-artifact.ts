import type { ArtifactRef } from '../../core/facts';
import type { Fix } from '../../core/finding';
import { defineRule, type Report } from '../../core/rule';
import { modelFileExtensions } from '../../catalog/artifacts';
import { argumentListAround } from './call-arguments';

/**
 * GD403 unpinned-hub-artifact. Hub loads (Hugging Face models, datasets and
 * files, MLflow registry models, prompt-hub pulls) that follow a moving
 * reference: no revision, a branch, `latest`, or a registry stage.
 */

const HUGGING_FACE = new Set(['hf-model', 'hf-dataset', 'hf-file', 'sentence-transformer']);
/** Revisions that name a branch or a moving tag rather than a commit. */
const MOVING_REVISION = /^(main|master|head|latest|dev|develop|refs\/heads\/.+|refs\/pr\/\d+)$/i;
const MLFLOW_STAGES = /^(latest|production|staging|archived|none)$/i;
const PLACEHOLDER = 'FILL-IN-COMMIT-SHA';
/** `load_dataset("csv", data_files=…)` reads local files through a builder shipped with `datasets`: nothing on the Hub to pin. */
const PACKAGED_BUILDERS = new Set(['csv', 'json', 'parquet', 'text', 'arrow', 'pandas', 'sql', 'xml', 'webdataset', 'generator', 'imagefolder', 'audiofolder', 'videofolder']);

/** A path on disk rather than a hub id: `./model`, `/models/x`, `~/x`, `C:\x`, `a/b/c`, `model.safetensors`. */
function isLocalPath(name: string): boolean {
  if (/^(\.{1,2}[/\\]|[/~\\]|[A-Za-z]:[/\\]|file:)/.test(name) || name.split('/').length > 2) return true;
  const extension = /\.[A-Za-z0-9]+$/.exec(name)?.[0].toLowerCase();
  return extension !== undefined && (modelFileExtensions.includes(extension) || ['.json', '.txt', '.yaml', '.yml', '.csv', '.parquet', '.jsonl'].includes(extension));
}

/** A Hugging Face repo id: `gpt2`, `bert-base-uncased`, `org/name`. */
function isHubId(name: string): boolean {
  return /^[\w.-]+(\/[\w.-]+)?$/.test(name) && !isLocalPath(name);
}

type Verdict = { messageId: string; data: Record<string, string> } | null;

function hubVerdict(artifact: ArtifactRef): Verdict {
  const name = artifact.name;
  if (name === null || !isHubId(name)) return null;
  if (artifact.type === 'hf-dataset' && PACKAGED_BUILDERS.has(name)) return null;
  if (artifact.revision === null) return { messageId: artifact.type === 'hf-dataset' ? 'datasetNoRevision' : 'hubNoRevision', data: { name } };
  return MOVING_REVISION.test(artifact.revision) ? { messageId: 'hubBranchRevision', data: { name, revision: artifact.revision } } : null;
}

function mlflowVerdict(artifact: ArtifactRef): Verdict {
  const uri = /^models:\/([^/@]+)\/([^/]+)$/.exec(artifact.name ?? '');
  if (!uri || !MLFLOW_STAGES.test(uri[2])) return null;
  return { messageId: 'mlflowMoving', data: { name: artifact.name ?? '', reference: uri[2] } };
}

function promptVerdict(artifact: ArtifactRef): Verdict {
  const name = artifact.name;
  if (name === null || artifact.revision !== null) return null;
  if (name.startsWith('prompts:/')) {
    // MLflow prompt URIs: `prompts:/name/3` is pinned, `prompts:/name` and `prompts:/name/latest` are not; `@alias` is a deliberate indirection.
    const version = /^prompts:\/[^/@]+(?:\/([^/]+))?$/.exec(name);
    return version && (version[1] === undefined || /^latest$/i.test(version[1])) ? { messageId: 'promptNoVersion', data: { name } } : null;
  }
  // LangChain hub: `owner/prompt:commit` pins a commit.
  return /^[\w.-]+(\/[\w.-]+)?$/.test(name) ? { messageId: 'promptNoVersion', data: { name } } : null;
}

function verdict(artifact: ArtifactRef): Verdict {
  if (HUGGING_FACE.has(artifact.type)) return hubVerdict(artifact);
  if (artifact.type === 'mlflow-model') return mlflowVerdict(artifact);
  if (artifact.type === 'prompt-hub') return promptVerdict(artifact);
  return null;
}

/** Inserts the revision argument before the call's closing parenthesis, with a placeholder to fill. */
function revisionFix(text: string, path: string, artifact: ArtifactRef): Fix | null {
  if (artifact.loc.cell !== undefined || artifact.revision !== null) return null;
  const list = argumentListAround(text, artifact.loc);
  if (!list || list.count === 0) return null;
  const python = /\.pyi?$/.test(path);
  // transformers.js takes options as the third argument; only add one when there is none.
  if (!python && (artifact.type !== 'hf-model' || list.count !== 2)) return null;
  const argument = python ? `revision="${PLACEHOLDER}"` : `{ revision: "${PLACEHOLDER}" }`;
  const newText = list.trailingComma ? ` ${argument},` : `, ${argument}`;
  const at = { file: artifact.loc.file, line: list.insertAt.line, column: list.insertAt.column, endLine: list.insertAt.line, endColumn: list.insertAt.column };
  return { title: 'Pin a revision (fill in the commit sha)', safety: 'unsafe', edits: [{ loc: at, newText }] };
}

export const unpinnedHubArtifact = defineRule({
  code: 'GD403',
  name: 'unpinned-hub-artifact',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'unsafe',
  options: {},
  messages: {
    hubNoRevision: '`{name}` is downloaded from the Hugging Face Hub without `revision`, so it follows the moving `main` branch; pin a commit',
    datasetNoRevision: 'dataset `{name}` is loaded from the Hugging Face Hub without `revision`, so its rows can change under you; pin a commit',
    hubBranchRevision: '`{name}` is pinned to `{revision}`, a branch that moves; pin a commit sha',
    mlflowMoving: '`{name}` loads whatever model version is `{reference}` in the MLflow registry at run time; load a numbered version',
    promptNoVersion: 'prompt `{name}` is pulled without a commit or version, so an edit in the hub changes the application; pin one',
  },
  docs: {
    whatItDoes: 'Flags loads from model, dataset and prompt hubs that follow a moving reference: Hugging Face `from_pretrained`, `pipeline`, `SentenceTransformer`, `load_dataset`, `hf_hub_download`, `snapshot_download` (and transformers.js `pipeline`) without `revision=` or with a branch (`main`); MLflow `models:/name/latest` and stage URIs (`/Production`, `/Staging`); LangChain hub / LangSmith `pull` without `:commit` and MLflow prompts without a version. Local paths and names the analyser cannot read statically are not flagged. MLflow `@alias` URIs are left alone: an alias is the registry\'s deliberate, audited indirection.',
    whyIsThisBad: 'A hub repository\'s `main` branch, a registry stage and a prompt\'s head are re-pointed by whoever owns them. The next deploy, or the next cold start, silently loads different weights, rows or instructions (or a malicious upload: Bandit B615 flags unpinned downloads for that reason), and nothing in your repository says which one ran.',
    example: { path: 'embed.py', code: 'from sentence_transformers import SentenceTransformer\n\nencoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")\n' },
    useInstead: { path: 'embed.py', code: 'from sentence_transformers import SentenceTransformer\n\nencoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2", revision="c9745ed1d9f207416be6d2e6f8de32d1f16199bf")\n' },
    fixSafety: `Unsafe: the fix inserts \`revision="${PLACEHOLDER}"\` (\`{ revision: … }\` in transformers.js), a placeholder that fails until you write the commit you evaluated; pinning to a commit other than the one you tested changes behaviour. No fix for MLflow and prompt-hub references, whose versions only the registry knows.`,
    references: [
      { title: 'Hugging Face: from_pretrained `revision`', url: 'https://huggingface.co/docs/transformers/main_classes/model#transformers.PreTrainedModel.from_pretrained' },
      { title: 'Bandit B615: huggingface_unsafe_download', url: 'https://bandit.readthedocs.io/en/latest/plugins/b615_huggingface_unsafe_download.html' },
      { title: 'MLflow Model Registry: model URIs and aliases', url: 'https://mlflow.org/docs/latest/model-registry.html' },
      { title: 'LangSmith: pull a prompt at a commit', url: 'https://docs.smith.langchain.com/prompt_engineering/how_to_guides/manage_prompts_programatically' },
    ],
  },
  checkFile({ path, text, facts }) {
    return facts.artifacts.flatMap((artifact): Report[] => {
      const found = verdict(artifact);
      if (!found) return [];
      return [{ loc: artifact.loc, messageId: found.messageId, data: found.data, fix: HUGGING_FACE.has(artifact.type) ? revisionFix(text, path, artifact) : null }];
    });
  },
});

import { parse as parseYaml } from 'yaml';
import type { ArtifactRef } from '../../core/facts';
import { defineRule, type WorkspaceContext } from '../../core/rule';

/**
 * GD406 model-saved-without-lineage. A trained model written to a local path
 * (`torch.save`, `joblib.dump`, `pickle.dump`, `.save_pretrained`, Keras
 * `.save`) by code that records it with no registry or tracker.
 */

const DEFAULT_MODEL_OBJECT = '(^|[^a-z])(model|models|clf|classifier|regressor|estimator|pipeline|pipe|net|network|learner|booster|xgb|lgbm|gbm|checkpoint|ckpt|state_dict|peft|lora|adapter|trainer)([^a-z]|$)';

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Scripts that a DVC pipeline runs (`cmd`) and the outputs it records: DVC holds their lineage. */
function dvcPipeline(context: WorkspaceContext): { commands: string[]; outputs: Set<string> } {
  const commands: string[] = [];
  const outputs = new Set<string>();
  for (const path of context.allPaths) {
    if (path.endsWith('.dvc')) outputs.add(baseName(path.slice(0, -'.dvc'.length)));
    if (baseName(path) !== 'dvc.yaml') continue;
    const text = context.readText(path);
    if (text === null) continue;
    let stages: unknown;
    try {
      stages = (parseYaml(text) as { stages?: unknown } | null)?.stages;
    } catch {
      continue;
    }
    if (!stages || typeof stages !== 'object') continue;
    for (const stage of Object.values(stages as Record<string, { cmd?: unknown; outs?: unknown }>)) {
      const cmd = stage?.cmd;
      commands.push(...(Array.isArray(cmd) ? cmd.map(String) : typeof cmd === 'string' ? [cmd] : []));
      for (const out of Array.isArray(stage?.outs) ? stage.outs : []) {
        const name = typeof out === 'string' ? out : out && typeof out === 'object' ? Object.keys(out)[0] : undefined;
        if (name) outputs.add(baseName(name.replace(/\/+$/, '')));
      }
    }
  }
  return { commands, outputs };
}

function savedUnderDvc(save: ArtifactRef, pipeline: { commands: string[]; outputs: Set<string> }): boolean {
  const script = baseName(save.loc.file);
  if (pipeline.commands.some((command) => command.includes(script))) return true;
  // The saved path, or a folder on it, is a DVC output (`models/` in `outs`, `model.pt.dvc`).
  const segments = (save.name ?? '').replace(/^\.\//, '').split('/');
  return segments.some((segment) => pipeline.outputs.has(segment));
}

export const modelSavedWithoutLineage = defineRule({
  code: 'GD406',
  name: 'model-saved-without-lineage',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {
    lineageScope: { type: 'string', default: 'file', description: '`file`: a save counts as recorded only when the same file logs to a registry or tracker; `workspace`: when any file does.' },
    modelObjectPattern: { type: 'string', default: DEFAULT_MODEL_OBJECT, description: 'Regular expression (case-insensitive) that the saved object\'s source text must match to be a model, for `torch.save`, `joblib.dump`, `pickle.dump` and Keras `.save` (which also save tensors, dataframes and caches).' },
  },
  messages: {
    saved: '`{object}` is saved to `{path}` with no lineage: nothing in this {scope} logs it to a model registry or tracker (MLflow, W&B, DVC, the Hugging Face Hub)',
    savedNoPath: '`{object}` is saved to a local file with no lineage: nothing in this {scope} logs it to a model registry or tracker (MLflow, W&B, DVC, the Hugging Face Hub)',
  },
  docs: {
    whatItDoes: 'Finds Python code that writes a model to a local path — `torch.save`, `safetensors` `save_file`, `joblib.dump`, `pickle.dump` of a model-like object, `.save_pretrained()`, `.save_model()`, Keras `model.save()` — in a file that records models nowhere: no `mlflow.*.log_model` / `log_artifact` / `register_model` / `autolog`, no W&B `log_artifact` / `use_artifact`, no `push_to_hub` or Hub upload, and no DVC pipeline stage that runs the script or lists the saved path as an output (`dvc.yaml`, `<path>.dvc`). For the generic savers, the saved object\'s name must look like a model (`model`, `clf`, `pipeline`, `state_dict`, … — the `modelObjectPattern` option), since they also save tensors and caches.',
    whyIsThisBad: 'A model file with no lineage is the reproducibility debt the MLOps literature names first: nothing records which data, code version, parameters, seed and metrics produced it, so it can be neither reproduced, compared with its successor, nor rolled back with confidence. A registry or tracker writes that manifest as a side effect of logging the model.',
    example: { path: 'train.py', code: 'import joblib\nfrom sklearn.linear_model import LogisticRegression\n\nclf = LogisticRegression().fit(X, y)\njoblib.dump(clf, "models/intent.joblib")\n' },
    useInstead: { path: 'train.py', code: 'import mlflow\nfrom sklearn.linear_model import LogisticRegression\n\nclf = LogisticRegression().fit(X, y)\nmlflow.sklearn.log_model(clf, name="intent", registered_model_name="intent")\n' },
    fixSafety: 'No fix: where lineage belongs (MLflow, W&B, DVC, the Hub) is a decision for the team.',
    references: [
      { title: 'MLflow: log and register models', url: 'https://mlflow.org/docs/latest/model-registry.html' },
      { title: 'W&B: artifacts and model registry', url: 'https://docs.wandb.ai/guides/artifacts' },
      { title: 'DVC: data pipelines', url: 'https://dvc.org/doc/start/data-pipelines/data-pipelines' },
      { title: 'Sculley et al., Hidden Technical Debt in Machine Learning Systems (2015)', url: 'https://papers.nips.cc/paper/5656-hidden-technical-debt-in-machine-learning-systems' },
    ],
  },
  checkWorkspace(context) {
    const { artifacts } = context.facts;
    const saves = artifacts.filter((artifact) => artifact.type === 'model-save');
    if (saves.length === 0) return [];
    const workspaceScope = context.options.lineageScope === 'workspace';
    const lineage = artifacts.filter((artifact) => artifact.type === 'model-lineage');
    if (workspaceScope && lineage.length > 0) return [];
    const recorded = new Set(lineage.map((artifact) => artifact.loc.file));
    let modelObject: RegExp;
    try {
      modelObject = new RegExp(String(context.options.modelObjectPattern), 'i');
    } catch {
      modelObject = new RegExp(DEFAULT_MODEL_OBJECT, 'i');
    }
    const pipeline = dvcPipeline(context);
    return saves
      .filter((save) => save.object !== undefined && modelObject.test(save.object))
      .filter((save) => !recorded.has(save.loc.file) && !savedUnderDvc(save, pipeline))
      .map((save) => ({
        loc: save.loc,
        messageId: save.name === null ? 'savedNoPath' : 'saved',
        data: { object: save.object ?? '', path: save.name ?? '', scope: workspaceScope ? 'workspace' : 'file' },
      }));
  },
});

import { strict as assert } from 'node:assert';
import { Engine } from '../../../../src/core/engine';
import { defaultConfig, type Config } from '../../../../src/core/config';
import { applyFix } from '../../../../src/core/fix';
import type { RuleDefinition } from '../../../../src/core/rule';
import type { Finding } from '../../../../src/core/finding';
import { toAuditJson } from '../../../../src/report/json';
import { deprecatedModel } from '../../../../src/rules/versioning/deprecated-model';
import { unpinnedModel } from '../../../../src/rules/versioning/unpinned-model';
import { unpinnedHubArtifact } from '../../../../src/rules/versioning/unpinned-hub-artifact';
import { unversionedModelArtifact } from '../../../../src/rules/versioning/unversioned-model-artifact';
import { unpinnedGenaiDependency } from '../../../../src/rules/versioning/unpinned-genai-dependency';
import { modelSavedWithoutLineage } from '../../../../src/rules/versioning/model-saved-without-lineage';
import { loadFrontEnds } from '../../../../src/workspace/frontends';
import { lockfileFor } from '../../../../src/languages/manifests';

interface Workspace {
  files?: Record<string, string>;
  /** Paths present but not analysed (weights), with the text `readText` gives. */
  others?: Record<string, string>;
  tracked?: string[];
  config?: Partial<Config>;
}

async function audit(rule: RuleDefinition, workspace: Workspace): Promise<{ findings: Finding[]; engine: Engine; json: ReturnType<typeof toAuditJson> }> {
  const engine = new Engine({ frontEnds: await loadFrontEnds(), rules: [rule], config: { ...defaultConfig(), ...workspace.config }, lockfileFor });
  const files = Object.entries(workspace.files ?? {});
  const results = files.map(([path, text]) => engine.analyzeFile({ path, text }));
  const others = workspace.others ?? {};
  const allPaths = new Set([...files.map(([path]) => path), ...Object.keys(others)]);
  const result = engine.analyzeWorkspace(results, allPaths, {
    texts: new Map(files),
    readText: (path) => others[path] ?? null,
    repository: workspace.tracked ? { tracked: new Set(workspace.tracked), history: new Map() } : null,
  });
  return { findings: result.findings.filter((finding) => finding.rule === rule.code), engine, json: toAuditJson(result, 0) };
}

describe('versioning rules', () => {
  describe('GD401 unpinned-model', () => {
    it('points at the literal and pins the snapshot inside the quotes, keeping a provider prefix', async () => {
      const text = 'import litellm\nlitellm.completion(model="openai/gpt-5.5", messages=[])\n';
      const { findings } = await audit(unpinnedModel, { files: { 'app.py': text } });
      assert.equal(findings.length, 1);
      const [finding] = findings;
      assert.equal(finding.messageId, 'aliasWithSnapshot');
      assert.deepEqual([finding.loc.line, finding.loc.column, finding.loc.endLine, finding.loc.endColumn], [2, 26, 2, 42]);
      assert.match(finding.message, /catalog as of 2026-08-15/);
      assert.equal(applyFix(text, finding.fix!), 'import litellm\nlitellm.completion(model="openai/gpt-5.5-2026-04-23", messages=[])\n');
    });

    it('uses the config catalog: a house alias with a snapshot', async () => {
      const text = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-house", messages=[])\n';
      const config = { catalog: { models: { 'gpt-house': { pinned: false, snapshot: 'gpt-house-2026-05-01' } } } };
      const { findings } = await audit(unpinnedModel, { files: { 'app.py': text }, config });
      assert.deepEqual(findings.map((f) => [f.messageId, f.fix?.edits[0].newText]), [['aliasWithSnapshot', 'gpt-house-2026-05-01']]);
    });
  });

  describe('GD402 deprecated-model', () => {
    const text = [
      'from openai import OpenAI',
      'client = OpenAI()',
      'client.chat.completions.create(model="gpt-3.5-turbo", messages=[])',
      'client.chat.completions.create(model="gpt-4o", messages=[])',
      'client.chat.completions.create(model="gemini-2.5-flash", messages=[])',
      'client.chat.completions.create(model="claude-2.1", messages=[])',
      '',
    ].join('\n');

    it('reports retired models as errors and deprecated ones as warnings, with dates', async () => {
      const { findings } = await audit(deprecatedModel, { files: { 'app.py': text } });
      assert.deepEqual(findings.map((f) => [f.loc.line, f.messageId, f.severity]), [
        [3, 'retired', 'error'],
        [4, 'deprecated', 'warning'],
        [5, 'pastEarliestShutdown', 'warning'],
        [6, 'retiredNoReplacement', 'error'],
      ]);
      assert.equal(findings[0].message, '`gpt-3.5-turbo` is retired: calls fail since 2026-10-23 (catalog as of 2026-10-15); its documented replacement is `gpt-5.6-terra`');
      assert.equal(findings[1].fix?.safety, 'unsafe');
      assert.equal(applyFix(text, findings[1].fix!).split('\n')[3], 'client.chat.completions.create(model="gpt-6-luna", messages=[])');
      assert.equal(findings[3].fix, null);
    });

    it('keeps the severity the config sets', async () => {
      const config = { rules: { GD402: { enabled: true, severity: 'info' as const, options: {} } } };
      const { findings } = await audit(deprecatedModel, { files: { 'app.py': text }, config });
      assert.deepEqual([...new Set(findings.map((f) => f.severity))], ['info']);
    });

    it('takes corrections from the config catalog', async () => {
      const config = { catalog: { models: { 'gpt-4o': { status: 'retired' as const, shutdown: '2026-11-01', replacement: 'gpt-5.6-sol' }, 'gpt-3.5-turbo': { status: 'active' as const } } } };
      const { findings } = await audit(deprecatedModel, { files: { 'app.py': text }, config });
      const gpt4o = findings.find((f) => f.loc.line === 4)!;
      assert.deepEqual([gpt4o.messageId, gpt4o.severity], ['retired', 'error']);
      assert.match(gpt4o.message, /since 2026-11-01/);
      assert.ok(!findings.some((f) => f.loc.line === 3));
    });

    it('fills the inventory\'s model status from the catalog', async () => {
      const { json } = await audit(deprecatedModel, { files: { 'app.py': text + 'client.chat.completions.create(model="gpt-5.5-2026-04-23", messages=[])\n' } });
      assert.deepEqual(json.inventory.models.map((m) => [m.id, m.status]), [
        ['gpt-3.5-turbo', 'retired'], ['gpt-4o', 'deprecated'], ['gemini-2.5-flash', 'retired'], ['claude-2.1', 'retired'], ['gpt-5.5-2026-04-23', 'active'],
      ]);
    });
  });

  describe('GD403 unpinned-hub-artifact', () => {
    it('inserts the revision before the closing parenthesis, after a trailing comma too', async () => {
      const text = 'from transformers import AutoModel\nfrom datasets import load_dataset\nm = AutoModel.from_pretrained("acme/x", trust_remote_code=False)\nd = load_dataset(\n    "acme/rows",\n    split="train",\n)\n';
      const { findings } = await audit(unpinnedHubArtifact, { files: { 'load.py': text } });
      assert.deepEqual(findings.map((f) => [f.loc.line, f.loc.column, f.messageId]), [[3, 31, 'hubNoRevision'], [5, 5, 'datasetNoRevision']]);
      assert.equal(applyFix(text, findings[0].fix!).split('\n')[2], 'm = AutoModel.from_pretrained("acme/x", trust_remote_code=False, revision="FILL-IN-COMMIT-SHA")');
      assert.deepEqual(applyFix(text, findings[1].fix!).split('\n').slice(3, 7), ['d = load_dataset(', '    "acme/rows",', '    split="train", revision="FILL-IN-COMMIT-SHA",', ')']);
    });

    it('adds an options object to a two-argument transformers.js pipeline', async () => {
      const text = 'import { pipeline } from "@huggingface/transformers";\nconst p = await pipeline("feature-extraction", "Xenova/bge-small");\n';
      const { findings } = await audit(unpinnedHubArtifact, { files: { 'embed.ts': text } });
      assert.equal(findings.length, 1);
      assert.equal(applyFix(text, findings[0].fix!).split('\n')[1], 'const p = await pipeline("feature-extraction", "Xenova/bge-small", { revision: "FILL-IN-COMMIT-SHA" });');
    });

    it('names the moving MLflow reference', async () => {
      const { findings } = await audit(unpinnedHubArtifact, { files: { 'serve.py': 'import mlflow\nm = mlflow.pyfunc.load_model("models:/churn/Staging")\n' } });
      assert.deepEqual(findings.map((f) => [f.messageId, f.fix]), [['mlflowMoving', null]]);
      assert.match(findings[0].message, /`Staging`/);
    });
  });

  describe('GD404 unversioned-model-artifact', () => {
    it('says "committed" only for files git tracks', async () => {
      const { findings } = await audit(unversionedModelArtifact, { others: { 'a.pt': 'x', 'b.onnx': 'x' }, tracked: ['a.pt'] });
      assert.deepEqual(findings.map((f) => [f.loc.file, f.messageId]), [['a.pt', 'committedBlob'], ['b.onnx', 'unversioned']]);
      assert.deepEqual([findings[0].loc.line, findings[0].loc.column], [1, 1]);
    });

    it('reads .gitattributes in subfolders, where a later unset line wins', async () => {
      const others = {
        'models/.gitattributes': '*.pt filter=lfs diff=lfs merge=lfs -text\nsmall.pt -filter\n',
        'models/big.pt': 'x',
        'models/small.pt': 'x',
        'other/c.pt': 'x',
      };
      const { findings } = await audit(unversionedModelArtifact, { others });
      assert.deepEqual(findings.map((f) => f.loc.file), ['models/small.pt', 'other/c.pt']);
    });
  });

  describe('GD405 unpinned-genai-dependency', () => {
    it('names the manifest, and a lockfile above the manifest clears it', async () => {
      const manifest = '{ "dependencies": { "openai": "*", "express": "*" } }\n';
      const { findings } = await audit(unpinnedGenaiDependency, { files: { 'web/package.json': manifest } });
      assert.deepEqual(findings.map((f) => [f.loc.line, f.message]), [[1, '`openai` in `web/package.json` has no version constraint and no lockfile pins it; every install takes whatever version is newest']]);
      const locked = await audit(unpinnedGenaiDependency, { files: { 'web/package.json': manifest }, others: { 'pnpm-lock.yaml': '' } });
      assert.equal(locked.findings.length, 0);
    });
  });

  describe('GD406 model-saved-without-lineage', () => {
    const train = 'import joblib\n\ndef train(clf):\n    joblib.dump(clf, "clf.joblib")\n';
    const register = 'import mlflow\n\ndef register():\n    mlflow.log_artifact("clf.joblib")\n';

    it('reports the save call with the object and path', async () => {
      const { findings } = await audit(modelSavedWithoutLineage, { files: { 'train.py': train } });
      assert.deepEqual(findings.map((f) => [f.loc.line, f.loc.column, f.messageId]), [[4, 5, 'saved']]);
      assert.match(findings[0].message, /^`clf` is saved to `clf.joblib` with no lineage/);
    });

    it('counts lineage per file by default, per workspace on request', async () => {
      const files = { 'train.py': train, 'register.py': register };
      assert.equal((await audit(modelSavedWithoutLineage, { files })).findings.length, 1);
      const config = { rules: { GD406: { enabled: true, options: { lineageScope: 'workspace' } } } };
      assert.equal((await audit(modelSavedWithoutLineage, { files, config })).findings.length, 0);
    });
  });
});

import { defineRule } from '../../core/rule';

/**
 * GD405 unpinned-genai-dependency. An LLM SDK or framework declared with no
 * version constraint in a manifest that no lockfile backs (phase 2: the
 * lockfile is found beside or above the manifest).
 */
export const unpinnedGenaiDependency = defineRule({
  code: 'GD405',
  name: 'unpinned-genai-dependency',
  family: 'versioning',
  severity: 'warning',
  status: 'preview',
  since: '0.1.0',
  fix: 'none',
  options: {},
  messages: {
    unpinned: '`{name}` in `{manifest}` has no version constraint and no lockfile pins it; every install takes whatever version is newest',
  },
  docs: {
    whatItDoes: 'Flags LLM SDKs and frameworks (the catalog\'s list: `openai`, `anthropic`, `langchain*`, `llama-index*`, `@ai-sdk/*`, `crewai`, `transformers`, …) declared in `requirements*.txt`, `pyproject.toml`, `Pipfile` or `package.json` without any version constraint, when no lockfile (`uv.lock`, `poetry.lock`, `Pipfile.lock`, `package-lock.json`, `pnpm-lock.yaml`, `yarn.lock`, …) beside the manifest or in a parent folder fixes the versions. A requirements file whose every line is `==`-pinned counts as its own lockfile.',
    whyIsThisBad: 'LLM SDKs and frameworks release weekly and change defaults that decide behaviour: default models, retry and timeout policies, prompt templates inside chains, tool-calling formats, tracing hooks. An unconstrained dependency makes the next install a different application, and the difference shows up as a quality regression, not as a build error.',
    example: { path: 'requirements.txt', code: 'openai\nlangchain-openai\nstreamlit==1.39.0\n' },
    useInstead: { path: 'requirements.txt', code: 'openai>=1.54,<2\nlangchain-openai==0.2.9\nstreamlit==1.39.0\n' },
    fixSafety: 'No fix: the right constraint is the version you tested with, which only your environment knows (`pip freeze`, `npm ls`).',
    references: [
      { title: 'pip: repeatable installs', url: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/' },
      { title: 'npm: package-lock.json', url: 'https://docs.npmjs.com/cli/configuring-npm/package-lock-json' },
    ],
  },
  checkWorkspace({ facts }) {
    return facts.dependencies
      .filter((dependency) => dependency.genai && dependency.pinning === 'none' && dependency.lockfile === null)
      .map((dependency) => ({ loc: dependency.loc, messageId: 'unpinned', data: { name: dependency.name, manifest: dependency.loc.file } }));
  },
});

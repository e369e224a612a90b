import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Dependency } from '../../../../src/core/facts';
import { createManifestFrontEnd, lockfileFor } from '../../../../src/languages/manifests';

const fixtures = resolve(__dirname, '../../../../../test/fixtures/frontends/manifests');
const frontEnd = createManifestFrontEnd();

function extractFixture(name: string, path = name) {
  return frontEnd.extract({ path, text: readFileSync(resolve(fixtures, name), 'utf8') });
}

function row(dependency: Dependency) {
  return [dependency.name, dependency.spec, dependency.pinning, dependency.genai, dependency.loc.line, dependency.loc.column, dependency.loc.endColumn];
}

describe('manifest front-end', () => {
  it('reads requirements.txt: comments, extras, markers, options, editable and VCS lines', () => {
    const { facts, syntaxErrors } = extractFixture('requirements.txt', 'svc/requirements.txt');
    assert.equal(syntaxErrors, 0);
    assert.deepEqual(facts.dependencies.map(row), [
      ['openai', '==1.40.0', 'exact', true, 2, 1, 15],
      ['anthropic', '>=0.30,<1', 'range', true, 3, 1, 19],
      ['langchain-openai', '~= 0.1', 'range', true, 4, 1, 58],
      ['requests', null, 'none', false, 5, 1, 9],
      ['tooling', 'git+https://github.com/org/tooling.git@0123456789abcdef0123456789abcdef01234567#egg=tooling', 'exact', false, 8, 1, 95],
      ['litellm', 'git+https://github.com/BerriAI/litellm.git@main', 'none', true, 10, 1, 58],
      ['tiktoken', '==0.7.0', 'exact', true, 11, 1, 22],
      ['numpy', '===1.26.4', 'exact', false, 13, 1, 15],
    ]);
    assert.deepEqual(facts.dependencies.map((dependency) => dependency.loc.endLine), [2, 3, 4, 5, 8, 10, 12, 13]);
    assert.ok(facts.dependencies.every((dependency) => dependency.ecosystem === 'pypi' && dependency.lockfile === null && dependency.loc.file === 'svc/requirements.txt'));
  });

  it('reads pyproject.toml: PEP 621, optional dependencies, dependency groups and Poetry tables', () => {
    const { facts } = extractFixture('pyproject.toml');
    assert.deepEqual(facts.dependencies.map(row), [
      ['openai', '>=1.0', 'range', true, 4, 3, 16],
      ['pydantic', '==2.7.1', 'exact', false, 5, 3, 20],
      ['httpx', null, 'none', false, 6, 3, 10],
      ['openai-agents', '==0.2.0', 'exact', true, 10, 11, 33],
      ['pytest', '>=8', 'range', false, 13, 8, 19],
      ['ruff', null, 'none', false, 14, 9, 15],
      ['anthropic', '^0.34', 'range', true, 18, 1, 20],
      ['langchain', '0.2.1', 'exact', true, 19, 1, 55],
      ['llama-index', '*', 'none', true, 20, 1, 18],
      ['guidance', 'https://github.com/guidance-ai/guidance.git@main', 'none', true, 22, 1, 84],
      ['mypy', '1.10.0', 'exact', false, 25, 1, 16],
    ]);
  });

  it('reads package.json dependency maps with npm pinning and skips workspace links', () => {
    const { facts } = extractFixture('package.json', 'web/package.json');
    assert.deepEqual(facts.dependencies.map(row), [
      ['openai', '^4.52.0', 'range', true, 4, 5, 24],
      ['@anthropic-ai/sdk', '0.24.3', 'exact', true, 5, 5, 34],
      ['ai', 'latest', 'none', true, 6, 5, 19],
      ['@ai-sdk/openai', '*', 'none', true, 7, 5, 26],
      ['typescript', '~5.4.0', 'range', false, 11, 5, 27],
      ['langchain', null, 'none', true, 12, 5, 20],
    ]);
    assert.ok(facts.dependencies.every((dependency) => dependency.ecosystem === 'npm'));
  });

  it('reads Pipfile packages, string and table forms', () => {
    const { facts } = extractFixture('Pipfile');
    assert.deepEqual(facts.dependencies.map(row), [
      ['openai', '*', 'none', true, 2, 1, 13],
      ['cohere', '==5.5.0', 'exact', true, 3, 1, 19],
      ['mistralai', '>=0.4', 'range', true, 4, 1, 48],
      ['pytest', '*', 'none', false, 7, 1, 13],
    ]);
  });

  it('reports invalid TOML as skipped, not as a crash', () => {
    const result = frontEnd.extract({ path: 'pyproject.toml', text: '[project\ndependencies = ["openai"]' });
    assert.equal(result.facts.dependencies.length, 0);
    assert.match(result.skipped ?? '', /invalid TOML/);
    assert.equal(result.syntaxErrors, 1);
  });

  it('survives absurd nesting in package.json and pyproject.toml', () => {
    const json = frontEnd.extract({ path: 'package.json', text: `{"dependencies": {"openai": "1.0.0"}, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}` });
    assert.ok(json.skipped === 'nesting too deep to parse' || json.facts.dependencies.length === 1);
    const toml = frontEnd.extract({ path: 'pyproject.toml', text: `x = ${'['.repeat(50_000)}${']'.repeat(50_000)}\n` });
    assert.equal(toml.facts.dependencies.length, 0);
    assert.ok(toml.skipped);
  });

  it('accepts manifests by name', () => {
    for (const path of ['requirements.txt', 'a/requirements-dev.txt', 'dev-requirements.txt', 'requirements/base.txt', 'pyproject.toml', 'Pipfile', 'web/package.json']) {
      assert.ok(frontEnd.accepts(path), path);
    }
    for (const path of ['notes.txt', 'requirements.in', 'package-lock.json', 'Pipfile.lock', 'setup.py', 'prompts/requirements_prompt.md']) {
      assert.ok(!frontEnd.accepts(path), path);
    }
  });

  it('finds lockfiles beside the manifest or in a parent folder, and fully pinned requirements lock themselves', () => {
    const paths = new Set(['uv.lock', 'packages/api/pyproject.toml', 'web/package.json', 'web/pnpm-lock.yaml', 'tools/package.json', 'Pipfile']);
    assert.equal(lockfileFor('packages/api/pyproject.toml', paths), 'uv.lock');
    assert.equal(lockfileFor('web/package.json', paths), 'web/pnpm-lock.yaml');
    assert.equal(lockfileFor('tools/package.json', paths), null);
    assert.equal(lockfileFor('Pipfile', paths), null);
    assert.equal(lockfileFor('requirements.txt', paths, '# compiled\nopenai==1.40.0 \\\n    --hash=sha256:abc\nhttpx==0.27.0\n'), 'requirements.txt');
    assert.equal(lockfileFor('requirements.txt', paths, 'openai==1.40.0\nhttpx>=0.27\n'), null);
    assert.equal(lockfileFor('requirements.txt', paths), null);
  });
});

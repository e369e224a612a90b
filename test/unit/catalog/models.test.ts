import { strict as assert } from 'node:assert';
import { ModelCatalog } from '../../../src/catalog/models';
import { modelLifecycle } from '../../../src/catalog/data/model-lifecycle';
import { ConfigError, parseConfig } from '../../../src/core/config';
import { rules } from '../../../src/rules';

describe('model catalog', () => {
  const today = '2026-11-25';
  const catalog = new ModelCatalog({ models: {} }, today);

  it('maps OpenAI aliases to today\'s snapshot from gpt-tokenizer\'s data', () => {
    const info = catalog.info('gpt-5.5');
    assert.equal(info.pinned, false);
    assert.equal(info.snapshot, 'gpt-5.5-2026-04-23');
    assert.equal(info.retrievedAt, '2026-08-15');
  });

  it('reads an untagged name as Ollama `:latest` only where the provider says Ollama', () => {
    assert.equal(catalog.info('llama3.2', 'ollama').floats, 'ollama-untagged');
    assert.equal(catalog.info('ollama/llama3').floats, 'ollama-untagged');
    assert.equal(catalog.info('llama3.2', null).pinned, null);
    assert.equal(catalog.info('llama3.1:8b', 'ollama').pinned, null);
  });

  it('dates lifecycles: past shutdown is retired, a future one deprecated', () => {
    assert.equal(catalog.status('claude-3-haiku-20240307'), 'retired');
    assert.equal(catalog.status('gpt-4o'), 'deprecated');
    assert.equal(new ModelCatalog({ models: {} }, '2027-02-01').status('gpt-4o'), 'retired');
    assert.equal(catalog.status('gpt-5.5-2026-04-23'), 'active');
    assert.equal(catalog.status('some-house-model'), 'unknown');
  });

  it('skips providers\' dates on platforms with their own schedule', () => {
    assert.equal(catalog.info('azure/gpt-4').lifecycle, null);
    assert.equal(catalog.info('gpt-4', 'bedrock').lifecycle, null);
    assert.equal(catalog.info('openai/gpt-4').lifecycle?.status, 'retired');
  });

  it('lets the config override and extend rows', () => {
    const custom = new ModelCatalog({
      models: {
        'house-alias': { pinned: false, snapshot: 'house-model-2026-01-01' },
        'gpt-4o': { status: 'active' },
        'gpt-5.5': { shutdown: '2026-11-01', replacement: 'gpt-6-luna' },
      },
    }, today);
    assert.deepEqual([custom.info('house-alias').pinned, custom.info('house-alias').snapshot], [false, 'house-model-2026-01-01']);
    assert.equal(custom.info('gpt-4o').lifecycle, null);
    assert.deepEqual(custom.info('gpt-5.5').lifecycle && { status: custom.info('gpt-5.5').lifecycle!.status, replacement: custom.info('gpt-5.5').lifecycle!.replacement }, { status: 'retired', replacement: 'gpt-6-luna' });
  });

  it('has a source and retrieval date on every lifecycle row, and each id once', () => {
    const seen = new Set<string>();
    for (const row of modelLifecycle) {
      assert.ok(row.source.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(row.retrievedAt), row.ids[0]);
      assert.ok(row.shutdown === null || /^\d{4}-\d{2}-\d{2}$/.test(row.shutdown), row.ids[0]);
      for (const id of row.ids) {
        assert.ok(!seen.has(id), `${id} is listed twice`);
        seen.add(id);
      }
    }
    for (const provider of ['openai', 'anthropic', 'google', 'mistral']) assert.ok(modelLifecycle.some((row) => row.provider === provider), provider);
  });

  describe('config `catalog` key', () => {
    it('reads model overrides', () => {
      const config = parseConfig('{"catalog": {"models": {"gpt-4o": {"status": "retired", "shutdown": "2027-01-14", "replacement": "gpt-6-luna"}}}}', rules);
      assert.deepEqual(config.catalog?.models['gpt-4o'], { status: 'retired', shutdown: '2027-01-14', replacement: 'gpt-6-luna' });
    });

    const bad: [string, RegExp][] = [
      ['{"catalog": []}', /catalog must be an object/],
      ['{"catalog": {"aliases": {}}}', /unknown key "aliases"/],
      ['{"catalog": {"models": {"x": {"status": "gone"}}}}', /status must be one of active, deprecated, retired/],
      ['{"catalog": {"models": {"x": {"shutdown": "14/01/2027"}}}}', /shutdown must be a date written YYYY-MM-DD/],
      ['{"catalog": {"models": {"x": {"pinned": "no"}}}}', /pinned must be true or false/],
      ['{"catalog": {"models": {"x": {"retire": true}}}}', /unknown key "retire"/],
    ];
    for (const [text, message] of bad) {
      it(`rejects ${text} with a one-line reason`, () => {
        assert.throws(() => parseConfig(text, rules), (error: unknown) => error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'));
      });
    }
  });
});

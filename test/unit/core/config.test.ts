import { strict as assert } from 'node:assert';
import { ConfigError, parseConfig } from '../../../src/core/config';
import { rules } from '../../../src/rules';

describe('config', () => {
  it('reads globs, size cap and rule settings by code or name, with comments', () => {
    const config = parseConfig(`{
      // only the app
      "include": ["src/**"], "exclude": ["**/fixtures/**"], "maxFileBytes": 1000,
      "rules": { "unpinned-model": "error" }
    }`, rules);
    assert.deepEqual(config.include, ['src/**']);
    assert.deepEqual(config.exclude, ['**/fixtures/**']);
    assert.equal(config.maxFileBytes, 1000);
    assert.deepEqual(config.rules.GD401, { enabled: true, severity: 'error', options: {} });
  });

  it('turns a rule off', () => {
    assert.equal(parseConfig('{"rules": {"GD401": "off"}}', rules).rules.GD401.enabled, false);
  });

  const bad: [string, RegExp][] = [
    ['{"include": "src"', /invalid JSON/],
    ['[1, 2]', /must be a JSON object/],
    ['{"includes": []}', /unknown key "includes"/],
    ['{"include": [1]}', /list of glob strings/],
    ['{"maxFileBytes": -1}', /positive number/],
    ['{"rules": {"GD999": "error"}}', /unknown rule "GD999"/],
    ['{"rules": {"GD401": "loud"}}', /must be "off", a severity/],
    ['{"rules": {"GD401": {"options": {"nope": 1}}}}', /GD401 has no option "nope"/],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${text} with a one-line reason`, () => {
      assert.throws(() => parseConfig(text, rules), (error: unknown) => error instanceof ConfigError && message.test(error.message) && !error.message.includes('\n'));
    });
  }
});

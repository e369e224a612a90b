import assert from 'node:assert/strict';
import { editorSeverity } from '../../../src/extension/severity';

const unpinned = { rule: 'GD401', name: 'unpinned-model', severity: 'warning', acknowledged: null };

describe('extension: editor-only severities', () => {
  it('shows the engine severity without customizations', () => {
    assert.equal(editorSeverity(unpinned, []), 'warning');
    assert.equal(editorSeverity({ ...unpinned, severity: 'error' }, []), 'error');
    assert.equal(editorSeverity({ ...unpinned, severity: 'info' }, []), 'info');
  });

  it('remaps by code, by name and by wildcard; the last match wins', () => {
    assert.equal(editorSeverity(unpinned, [{ rule: 'GD401', severity: 'info' }]), 'info');
    assert.equal(editorSeverity(unpinned, [{ rule: 'unpinned-model', severity: 'off' }]), 'off');
    assert.equal(editorSeverity(unpinned, [{ rule: 'GD4*', severity: 'error' }, { rule: 'GD401', severity: 'hint' }]), 'hint');
    assert.equal(editorSeverity(unpinned, [{ rule: 'GD3*', severity: 'error' }]), 'warning');
  });

  it('negates with a leading "!" and steps with downgrade / upgrade / default', () => {
    assert.equal(editorSeverity(unpinned, [{ rule: '!GD301', severity: 'info' }]), 'info');
    assert.equal(editorSeverity(unpinned, [{ rule: '!GD401', severity: 'info' }]), 'warning');
    assert.equal(editorSeverity(unpinned, [{ rule: '*', severity: 'downgrade' }]), 'info');
    assert.equal(editorSeverity(unpinned, [{ rule: '*', severity: 'upgrade' }]), 'error');
    assert.equal(editorSeverity(unpinned, [{ rule: '*', severity: 'off' }, { rule: 'GD401', severity: 'default' }]), 'warning');
  });

  it('shows acknowledged debt as a hint at most, unless switched off', () => {
    const acknowledged = { ...unpinned, severity: 'error', acknowledged: { reason: 'MVP', ticket: null } };
    assert.equal(editorSeverity(acknowledged, []), 'hint');
    assert.equal(editorSeverity(acknowledged, [{ rule: 'GD401', severity: 'error' }]), 'hint');
    assert.equal(editorSeverity(acknowledged, [{ rule: 'GD401', severity: 'off' }]), 'off');
  });

  it('ignores malformed entries from hand-edited settings', () => {
    assert.equal(editorSeverity(unpinned, [{ rule: 'GD401', severity: 'loud' as never }, null as never]), 'warning');
  });
});

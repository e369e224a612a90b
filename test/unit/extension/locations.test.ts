import assert from 'node:assert/strict';
import { containsPosition, relativePosixPath, toZeroBased } from '../../../src/extension/locations';

describe('extension: engine locations to editor ranges', () => {
  it('turns a 1-based location with an exclusive end column into a 0-based range with an exclusive end', () => {
    // `model="gpt-4o"` at app.py:18:14-18:22 covers the 8 characters of "gpt-4o" with its quotes.
    assert.deepEqual(toZeroBased({ line: 18, column: 14, endLine: 18, endColumn: 22 }), { startLine: 17, startCharacter: 13, endLine: 17, endCharacter: 21 });
  });

  it('keeps multi-line locations and puts workspace findings (line 0) at the start of the file', () => {
    assert.deepEqual(toZeroBased({ line: 3, column: 1, endLine: 9, endColumn: 4 }), { startLine: 2, startCharacter: 0, endLine: 8, endCharacter: 3 });
    assert.deepEqual(toZeroBased({ line: 0, column: 0, endLine: 0, endColumn: 0 }), { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 });
  });

  it('never yields an end before the start', () => {
    assert.deepEqual(toZeroBased({ line: 5, column: 10, endLine: 5, endColumn: 3 }), { startLine: 4, startCharacter: 9, endLine: 4, endCharacter: 9 });
    assert.deepEqual(toZeroBased({ line: 5, column: 10 }), { startLine: 4, startCharacter: 9, endLine: 4, endCharacter: 9 });
  });

  it('finds whether an editor position is inside a location, end included', () => {
    const loc = { line: 18, column: 14, endLine: 18, endColumn: 22 };
    assert.equal(containsPosition(loc, 17, 13), true);
    assert.equal(containsPosition(loc, 17, 21), true);
    assert.equal(containsPosition(loc, 17, 12), false);
    assert.equal(containsPosition(loc, 17, 22), false);
    assert.equal(containsPosition(loc, 16, 15), false);
    assert.equal(containsPosition({ line: 2, column: 5, endLine: 4, endColumn: 2 }, 2, 80), true);
  });

  it('gives POSIX paths relative to a folder, and null outside it', () => {
    assert.equal(relativePosixPath('/work/app', '/work/app/src/chat.ts'), 'src/chat.ts');
    assert.equal(relativePosixPath('/work/app/', '/work/app/a.py'), 'a.py');
    assert.equal(relativePosixPath('/work/app', '/work/application/a.py'), null);
    assert.equal(relativePosixPath('/work/app', '/work/app'), null);
  });
});

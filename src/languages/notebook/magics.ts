/**
 * IPython syntax that is not Python (`%pip install`, `!ls`, `x = !ls`, `obj?`,
 * `%%time`) is blanked out before parsing, keeping every other line and column
 * where it was. Lines inside triple-quoted strings are text, never magics.
 */

/** Cell magics whose body is still Python; any other cell magic (`%%bash`, `%%writefile`, `%%sql`) makes the cell foreign. */
const pythonBodyCellMagics = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit', 'mprun', 'autoreload']);

/**
 * `%magic` / `%%magic` (a letter right after the `%`, so a continued `% b` modulo line is not one), `!shell`, `?help`,
 * `x = !cmd` / `x = %magic`, `obj?` / `obj??`.
 */
const lineMagicPattern = /^\s*(%{1,2}[A-Za-z]|!|\?)|^\s*[A-Za-z_][\w.]*(\s*,\s*[A-Za-z_][\w.]*)*\s*=\s*(%[A-Za-z]|!)|^\s*[A-Za-z_][\w.]*\s*\?\??\s*$/;

export function blankMagics(source: string): string {
  const rows = source.split('\n');
  const cellMagic = /^\s*%%(\w+)/.exec(rows[0] ?? '');
  if (cellMagic) {
    if (!pythonBodyCellMagics.has(cellMagic[1])) return rows.map(() => '').join('\n');
    rows[0] = '';
  }
  let openTriple: string | null = null;
  let continuesShellLine = false;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (continuesShellLine || (openTriple === null && lineMagicPattern.test(row))) {
      continuesShellLine = /\\\s*$/.test(row);
      rows[index] = '';
      continue;
    }
    openTriple = tripleQuoteStateAfter(row, openTriple);
  }
  return rows.join('\n');
}

/** Which triple-quote delimiter is still open at the end of `row`, given the one open at its start. */
function tripleQuoteStateAfter(row: string, open: string | null): string | null {
  let index = 0;
  while (index < row.length) {
    if (open !== null) {
      const close = findUnescaped(row, open, index);
      if (close < 0) return open;
      index = close + 3;
      open = null;
      continue;
    }
    const char = row[index];
    if (char === '#') return null;
    if (char === '"' || char === "'") {
      if (row.startsWith(char.repeat(3), index)) {
        open = char.repeat(3);
        index += 3;
        continue;
      }
      const close = findUnescaped(row, char, index + 1);
      index = close < 0 ? row.length : close + 1;
      continue;
    }
    index++;
  }
  return open;
}

function findUnescaped(row: string, delimiter: string, from: number): number {
  for (let index = from; index < row.length; index++) {
    if (row[index] === '\\') {
      index++;
      continue;
    }
    if (row.startsWith(delimiter, index)) return index;
  }
  return -1;
}

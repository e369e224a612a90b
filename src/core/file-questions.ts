/**
 * Questions phase 2's rules ask of every file, by its path alone or by its path and text,
 * answered incrementally: the answers of the last phase 2 are kept, and the next one asks
 * again only about the paths added or removed, and the files whose text changed, since.
 * After an edit that is one file instead of every file of the workspace. Only files with an
 * answer (not null) are kept, so a rule reads its few hits instead of walking every path.
 */
export class FileQuestions {
  private readonly texts = new Map<string, string>();
  private readonly paths = new Set<string>();
  /** What changed since the phase 2 before; null when everything must be asked (the first phase 2). */
  private changedTexts: string[] | null = null;
  private changedPaths: string[] | null = null;
  private generation = 0;
  private readonly answers = new Map<string, { generation: number; found: Map<string, unknown> }>();

  /** Called once at the start of each phase 2, with its texts and paths. */
  refresh(texts: ReadonlyMap<string, string>, paths: ReadonlySet<string>): void {
    // Answers not brought up to date in the last phase 2 would miss its changes: they go.
    for (const [question, known] of this.answers) if (known.generation !== this.generation) this.answers.delete(question);
    const first = this.generation === 0;
    this.generation++;
    this.changedTexts = changedTexts(this.texts, texts);
    this.changedPaths = changedPaths(this.paths, paths);
    if (first) this.changedTexts = this.changedPaths = null;
  }

  /** The paths (any file of the workspace) for which `answer` is not null; `answer` must depend on the path alone. */
  pathsWhere<T>(question: string, answer: (path: string) => T | null, paths: ReadonlySet<string>): ReadonlyMap<string, T> {
    return this.ask(`path\0${question}`, this.changedPaths, paths.keys(), (path) => (paths.has(path) ? answer(path) : null));
  }

  /** The analysed files for which `answer` is not null; `answer` must depend on the path and text alone. */
  textsWhere<T>(question: string, answer: (path: string, text: string) => T | null, texts: ReadonlyMap<string, string>): ReadonlyMap<string, T> {
    return this.ask(`text\0${question}`, this.changedTexts, texts.keys(), (path) => {
      const text = texts.get(path);
      return text === undefined ? null : answer(path, text);
    });
  }

  private ask<T>(question: string, changed: readonly string[] | null, every: Iterable<string>, answer: (path: string) => T | null): ReadonlyMap<string, T> {
    const known = this.answers.get(question) as { generation: number; found: Map<string, T> } | undefined;
    if (known?.generation === this.generation) return known.found;
    const incremental = known !== undefined && known.generation === this.generation - 1 && changed !== null;
    const found = incremental ? known.found : new Map<string, T>();
    for (const path of incremental ? changed : every) {
      const value = answer(path);
      if (value === null) found.delete(path);
      else found.set(path, value);
    }
    this.answers.set(question, { generation: this.generation, found });
    return found;
  }
}

/** The paths added, removed or given another text since `seen`, which is brought up to date. */
function changedTexts(seen: Map<string, string>, current: ReadonlyMap<string, string>): string[] {
  const changed: string[] = [];
  let added = 0;
  current.forEach((text, path) => {
    const before = seen.get(path);
    if (before === text) return;
    if (before === undefined) added++;
    changed.push(path);
  });
  if (seen.size > current.size - added) seen.forEach((_, path) => { if (!current.has(path)) changed.push(path); });
  for (const path of changed) {
    const text = current.get(path);
    if (text === undefined) seen.delete(path);
    else seen.set(path, text);
  }
  return changed;
}

/** The paths added or removed since `seen`, which is brought up to date. */
function changedPaths(seen: Set<string>, current: ReadonlySet<string>): string[] {
  const changed: string[] = [];
  current.forEach((path) => { if (!seen.has(path)) changed.push(path); });
  if (seen.size > current.size - changed.length) seen.forEach((path) => { if (!current.has(path)) changed.push(path); });
  for (const path of changed) {
    if (current.has(path)) seen.add(path);
    else seen.delete(path);
  }
  return changed;
}

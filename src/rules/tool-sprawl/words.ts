/**
 * Word handling shared by the tool-sprawl rules: identifiers split into words,
 * content words of a description, and string similarity. Tool names and
 * descriptions are short, so plain token sets (no stemming library) are enough.
 */

/** `getWeeklySales`, `get_weekly_sales`, `get-weekly-sales`, `Get weekly sales` → `get weekly sales`. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
}

/** Function words that carry no meaning for telling tools apart (English, as tool descriptions are written). */
const STOP_WORDS = new Set(
  `a an the and or but nor of to in on at by for from with without into onto over under about as is are was were be been being
   this that these those it its it's they them their there here you your yours we our us i me my he she his her
   can could may might must shall should will would do does did done have has had having not no yes if then else when
   which who whom whose what where why how all any each every some such only own same so than too very just also
   use used using uses useful tool tools function call calls given provide provided provides return returns returned
   e g eg etc via per one two please based`.split(/\s+/).filter(Boolean),
);

/** Crude plural and gerund folding so `files`/`file`, `entities`/`entity`, `tracking`/`track` match. */
export function stem(word: string): string {
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

/** Content words of free text: lower case, stop words removed, plurals folded. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z\d]*/g) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

/** Levenshtein distance, two rows (names are short). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 − normalised edit distance. */
export function editSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/**
 * Action verbs that lead tool names, grouped by meaning: `fetch_user` and
 * `get_user` do the same thing, `add_numbers` and `divide_numbers` do not.
 * The first word of each group is its canonical form.
 */
const VERB_GROUPS: readonly string[][] = [
  ['get', 'fetch', 'retrieve', 'read', 'load', 'obtain', 'pull', 'grab'],
  ['search', 'find', 'lookup', 'look', 'query', 'seek'],
  ['create', 'add', 'new', 'insert', 'make'],
  ['delete', 'remove', 'drop', 'erase', 'destroy'],
  ['update', 'edit', 'modify', 'change', 'set', 'patch', 'alter'],
  ['send', 'post', 'submit', 'publish'],
  ['run', 'execute', 'invoke', 'trigger', 'launch', 'start', 'perform'],
  ['calculate', 'compute', 'calc', 'evaluate'],
  ['write', 'save', 'store', 'persist', 'record'],
  ['analyze', 'analyse', 'assess'],
  ['check', 'verify', 'validate'],
  ['convert', 'transform'],
  ['summarize', 'summarise'],
  ['show', 'display', 'render', 'view'],
  ['list', 'enumerate'],
  ['subtract'], ['multiply'], ['divide'], ['sum'], ['open'], ['close'], ['book'], ['reserve'], ['cancel'], ['move'], ['copy'],
  ['scrape', 'crawl'], ['extract', 'parse'], ['click'], ['type'], ['scroll'], ['drag'], ['press'], ['wait'], ['download'], ['upload'],
  ['navigate', 'browse'], ['select', 'choose', 'pick'], ['assign'], ['issue'], ['toggle'], ['echo'], ['count'], ['sort'], ['filter'],
  ['merge'], ['split'], ['schedule'], ['pay'], ['refund'], ['approve'], ['reject'], ['register'], ['subscribe'], ['unsubscribe'],
  ['notify'], ['play'], ['stop'], ['pause'], ['resume'], ['deploy'], ['install'], ['plan'], ['research'], ['learn'], ['explain'],
  ['answer', 'reply', 'respond'], ['ask'], ['translate'], ['recommend', 'suggest'], ['predict'], ['classify'], ['detect'],
  ['transcribe'], ['generate'], ['compare'], ['match'], ['resolve'], ['replace'], ['rename'], ['append'], ['sync'],
  ['refresh', 'reload'], ['reset'], ['enable'], ['disable'], ['grant'], ['revoke'], ['archive'], ['restore'], ['export'], ['import'],
  ['encode'], ['decode'], ['encrypt'], ['decrypt'], ['compress'], ['decompress'], ['manage'], ['expand'], ['simulate'], ['clear'],
];

const CANONICAL_VERB = new Map(VERB_GROUPS.flatMap((group) => group.map((verb) => [verb, group[0]] as const)));

/** The canonical action of a verb (`fetch` → `get`), or null when the word is not a known action verb. */
export function canonicalVerb(word: string): string | null {
  return CANONICAL_VERB.get(word) ?? null;
}

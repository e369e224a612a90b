/**
 * Reads the top-level structure of a prompt: markdown headings of its highest
 * level, XML-style tags that open a block at the top level, and "if the user
 * asks about …" branches. Headings that name the prompt's own scaffolding
 * (role, instructions, output format, examples…) are not domains.
 */
export interface Section {
  title: string;
  /** The prompt text line the section starts on. */
  line: string;
  /** Words of the section's body (0 for a branch). */
  bodyWords: number;
}

function wordCount(text: string): number {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length;
}

const STRUCTURAL = new Set(('role persona identity goal goals objective objectives task tasks context background instructions instruction guidelines guideline rules rule '
  + 'constraints constraint requirements requirement format formatting output outputs response responses style tone examples example notes note important '
  + 'input inputs variables data tools tool capabilities overview summary process workflow steps step approach strategy important reminders reminder '
  + 'final answer question questions query user assistant system markdown json schema citations citation sources source limitations behavior behaviour '
  + 'communication language quality checklist principles principle policy policies safety security errors error handling edge cases case definitions '
  + 'introduction description purpose scope audience expertise specialty specialties responsibilities responsibility core key critical general additional '
  + 'available using use how when what your you about information info details structure template templates do dont don\'t avoid never always must best practices practice').split(' '));

/**
 * Words that make a heading scaffolding wherever they stand in it: "Response Format - Customer
 * Support Style" is about form, not a domain. Words such as `rules` or `policy` are not among
 * them, since "Refund policy" names a domain.
 */
const STRUCTURAL_HEADS = new Set('mission role persona format formatting workflow process steps checklist practices tool tools example examples output instructions guidelines style tone'.split(' '));

function isStructural(title: string): boolean {
  // A bracketed heading is a placeholder in an example of the answer's layout (`## [Section Header]`).
  if (/^\[.*\]$/.test(title.trim())) return true;
  const words = title.toLowerCase().replace(/[^a-z' ]+/g, ' ').split(/\s+/).filter(Boolean);
  return words.length === 0 || words.every((word) => STRUCTURAL.has(word)) || words.some((word) => STRUCTURAL_HEADS.has(word));
}

/** Markdown headings at the highest level the prompt uses (one `#` heading alone is a title, so its children are read); code fences are skipped. */
function headingSections(lines: readonly string[]): Section[] {
  const headings: { level: number; title: string; index: number }[] = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = fenced ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line.trim());
    if (match) headings.push({ level: match[1].length, title: match[2], index });
  });
  if (headings.length === 0) return [];
  let level = Math.min(...headings.map((heading) => heading.level));
  if (headings.filter((heading) => heading.level === level).length === 1) {
    const deeper = headings.filter((heading) => heading.level > level);
    if (deeper.length) level = Math.min(...deeper.map((heading) => heading.level));
  }
  const top = headings.filter((heading) => heading.level === level);
  return top.map((heading) => {
    // The body runs to the next heading of this level or above.
    const next = headings.find((other) => other.index > heading.index && other.level <= level);
    const body = lines.slice(heading.index + 1, next ? next.index : lines.length).join('\n');
    return { title: heading.title, line: lines[heading.index], bodyWords: wordCount(body) };
  });
}

/** XML-style blocks opened at the top level: `<billing>` … `</billing>`. */
function tagSections(text: string, lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  const open: string[] = [];
  for (const match of text.matchAll(/<(\/?)([A-Za-z][\w-]*)(?:\s[^<>]*)?>/g)) {
    const [, closing, name] = match;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    // A tag counts as a block only when it is closed somewhere after it.
    if (!text.includes(`</${name}>`, (match.index ?? 0) + match[0].length)) continue;
    if (open.length === 0) {
      const start = (match.index ?? 0) + match[0].length;
      const lineStart = text.lastIndexOf('\n', match.index ?? 0) + 1;
      const lineEnd = text.indexOf('\n', match.index ?? 0);
      const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      const body = text.slice(start, text.indexOf(`</${name}>`, start));
      sections.push({ title: name.replace(/[-_]/g, ' '), line: lines.find((candidate) => candidate === line) ?? line, bodyWords: wordCount(body) });
    }
    open.push(name);
  }
  return sections;
}

/** The prompt's top-level sections that name a domain, not its scaffolding, with at least `minBodyWords` words of their own. */
export function domainSections(text: string, minBodyWords: number): Section[] {
  const lines = text.split('\n');
  const headings = headingSections(lines);
  const tags = tagSections(text, lines);
  const sections = headings.length >= tags.length ? headings : tags;
  const seen = new Set<string>();
  return sections.filter((section) => {
    // "ALWAYS ALLOW - billing", "ALWAYS ALLOW - refunds": facets of one heading, read by the part before the dash.
    const key = section.title.split(/\s+[-\u2013\u2014]\s+|:\s/)[0].toLowerCase().trim();
    if (isStructural(section.title) || seen.has(key) || section.bodyWords < minBodyWords) return false;
    seen.add(key);
    return true;
  });
}

// A subject asked *about*, or wanted outright ("wants a refund"), names a domain; "asks for a
// specific language" or "wants to cancel" are about form or an action within one domain.
const BRANCH = /\b(?:if|when|whenever)\s+(?:the\s+)?(?:user|customer|they|someone|a user|the human)\s+(?:asks?|inquires?|wants?|requests?|needs?|mentions?|is asking|talks?)\s+(?:(?:about|regarding|help with)\s+)?(?!for\b|to\b|a question\b)([^,.;:\n]+)/gi;

/** Distinct "if the user asks about X" branches, by their subject. */
export function userBranches(text: string): Section[] {
  const branches: Section[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(BRANCH)) {
    const subject = match[1].trim().toLowerCase().split(/\s+/).slice(0, 4).join(' ');
    if (!subject || seen.has(subject)) continue;
    seen.add(subject);
    const lineStart = text.lastIndexOf('\n', match.index ?? 0) + 1;
    const lineEnd = text.indexOf('\n', match.index ?? 0);
    branches.push({ title: match[1].trim(), line: text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd), bodyWords: 0 });
  }
  return branches;
}

// Writes docs/rules/ from the rule files' docs (run after `npm run compile`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { rules } = require('../out/src/rules/index.js');
const { renderRuleDoc, renderRuleIndex, ruleDocPath } = require('../out/src/rules/docs.js');

mkdirSync('docs/rules', { recursive: true });
for (const stale of readdirSync('docs/rules')) rmSync(`docs/rules/${stale}`);
for (const rule of rules) writeFileSync(ruleDocPath(rule), renderRuleDoc(rule));
writeFileSync('docs/rules/README.md', renderRuleIndex(rules));
console.log(`wrote ${rules.length} rule pages to docs/rules/`);

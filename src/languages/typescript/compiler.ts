// The part of the front-end that needs the TypeScript compiler; index.ts requires it on first use.
export { parseSource, reparseSource, syntaxErrorCount } from './parse';
export { extractFacts } from './extract';

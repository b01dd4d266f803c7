import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { makeChecker, Thread } from '../model/index.js';
import { InputError } from './errors.js';
import type { ParseOptions, ThreadFormat } from './format.js';
import { pickThread } from './multi.js';
import type { InputDocument } from './read-input.js';

const checker = makeChecker(Thread);

/**
 * The canonical thread JSON that `threadlens parse` prints; parsing it returns it unchanged. A file
 * that held several threads prints as an array of them, which parses back the same way.
 */
export const canonicalJson: ThreadFormat = {
  name: 'canonical',
  description: 'Threadlens canonical thread JSON ({"thread": {...}, "comments": [...]}, or an array of them, as printed by `threadlens parse`)',
  sniff(doc) {
    const t = doc.text.trimStart();
    return (t.startsWith('{') || /^\[\s*\{\s*"thread"\s*:/.test(t)) && /"thread"\s*:/.test(t.slice(0, 4096)) && /"comments"\s*:/.test(t);
  },
  parse(doc, options = {}) {
    return pickThread(parseCanonical(doc), options.thread, doc);
  },
  parseAll(doc, options: ParseOptions = {}) {
    const all = parseCanonical(doc);
    return options.thread === undefined ? all : [pickThread(all, options.thread, doc)];
  },
};

function parseCanonical(doc: InputDocument): Thread[] {
  const value = parseJson(doc);
  const list = Array.isArray(value) ? value : [value];
  return list.map((v, i) => {
    if (checker.check(v)) return v;
    const at = Array.isArray(value) ? `/${i}` : '';
    const problems = checker.problems(v).map((p) => `${at}${p.path}: ${p.message}`);
    throw new InputError('schema', doc.name, `not a valid canonical thread: ${problems.join('; ')}`, problems[0]?.split(':')[0]);
  });
}

/**
 * JSON.parse, and on failure a precise "line L, column C" and error kind. V8 does not report a
 * position for every syntax error, so the error is located with jsonc-parser (VS Code's parser) in
 * strict mode. Only runs on the failure path.
 */
export function parseJson(doc: InputDocument): unknown {
  try {
    return JSON.parse(doc.text);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(doc.text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const offset = first?.offset ?? doc.text.length;
    const before = doc.text.slice(0, offset);
    const where = `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
    const kind = first ? printParseErrorCode(first.error) : 'SyntaxError';
    const truncated = offset >= doc.text.trimEnd().length || /EndOf|Unexpected end/i.test(kind) ? ' (the file looks truncated)' : '';
    throw new InputError('bad-json', doc.name, `malformed JSON: ${kind} (${(e as Error).message})${truncated}`, where);
  }
}

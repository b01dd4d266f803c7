import type { Thread } from '../model/index.js';
import { bloggerAtom } from './blogger-atom.js';
import { bloggerHtml } from './blogger-html.js';
import { bloggerText, describeShape } from './blogger-text.js';
import { canonicalJson } from './canonical-json.js';
import { InputError } from './errors.js';
import { DEFAULT_MAX_COMMENTS, type ParseOptions, type ThreadFormat } from './format.js';
import { checkIntegrity } from './integrity.js';
import { jsonOf } from './json-doc.js';
import type { InputDocument } from './read-input.js';
import { convokit } from './convokit.js';
import { discourse } from './discourse.js';
import { disqus } from './disqus.js';
import { hnAlgolia, hnFirebase, hnpwa } from './hacker-news.js';
import { redditMoreChildren, redditNdjson, redditThread } from './reddit.js';
import { wordpress } from './wordpress.js';
import { youtube } from './youtube.js';

/**
 * Sniffing order: cheap and specific first (FORMATS.md, "Suggested sniffing order"): directories,
 * then JSON by its keys, then line-delimited JSON, then XML by its root, then HTML, then plain text.
 */
export const FORMATS: readonly ThreadFormat[] = [
  convokit,
  canonicalJson,
  redditThread,
  youtube,
  discourse,
  hnAlgolia,
  hnpwa,
  hnFirebase,
  redditMoreChildren,
  redditNdjson,
  disqus,
  wordpress,
  bloggerAtom,
  bloggerHtml,
  bloggerText,
];

export function formatNames(): string[] {
  return FORMATS.map((f) => f.name);
}

export function findFormat(name: string): ThreadFormat | undefined {
  return FORMATS.find((f) => f.name === name);
}

export function sniffFormat(doc: InputDocument): ThreadFormat | undefined {
  return FORMATS.find((f) => f.sniff(doc));
}

function resolveFormat(doc: InputDocument, format: string): ThreadFormat {
  if (format !== 'auto') {
    const fmt = findFormat(format);
    if (!fmt) throw new InputError('unknown-format', doc.name, `unknown format "${format}" (known: auto, ${formatNames().join(', ')})`);
    return fmt;
  }
  const fmt = sniffFormat(doc);
  if (fmt) return fmt;
  if (doc.files) {
    throw new InputError('unknown-format', doc.name, `directory is not a recognised thread input (expected a ConvoKit corpus with utterances.jsonl; found ${[...doc.files.keys()].join(', ')})`);
  }
  if (doc.text.trim().length === 0) throw new InputError('empty', doc.name, 'the file is empty; expected a comment thread');
  // Malformed JSON should say where it breaks, not that the format is unknown.
  const head = doc.text.trimStart()[0];
  if (head === '{' || head === '[') jsonOf(doc);
  throw new InputError('unknown-format', doc.name, `not a recognised thread format (known: ${formatNames().join(', ')})${describeShape(doc.text)}`);
}

/** Limits and integrity, applied to every thread whatever its format. */
function finish(thread: Thread, doc: InputDocument, options: ParseOptions): Thread {
  const max = options.maxComments ?? DEFAULT_MAX_COMMENTS;
  if (thread.comments.length > max) {
    throw new InputError('too-many-comments', doc.name, `thread ${thread.thread.id} has ${thread.comments.length} comments, over the limit of ${max} (raise it with --max-comments)`);
  }
  return checkIntegrity(thread, doc.name);
}

/** Parse a thread document with a named format or by sniffing (`auto`), then check its integrity. */
export function parseThread(doc: InputDocument, format = 'auto', options: ParseOptions = {}): Thread {
  return guardDepth(doc, () => finish(resolveFormat(doc, format).parse(doc, options), doc, options));
}

/** Nested formats are walked recursively; absurd nesting is bad input, not an internal error. */
function guardDepth<T>(doc: InputDocument, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new InputError('too-deep', doc.name, 'the replies are nested too deeply to read (thousands of levels); is this a real thread?');
    }
    throw e;
  }
}

/**
 * Every thread in the document (exports and corpora can hold many; most formats hold one). With
 * `options.thread`, just that one.
 */
export function parseThreads(doc: InputDocument, format = 'auto', options: ParseOptions = {}): Thread[] {
  return guardDepth(doc, () => {
    const fmt = resolveFormat(doc, format);
    const threads = fmt.parseAll ? fmt.parseAll(doc, options) : [fmt.parse(doc, options)];
    return threads.map((t) => finish(t, doc, options));
  });
}

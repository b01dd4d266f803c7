import type { Thread } from '../model/index.js';
import { InputError } from './errors.js';
import type { ParseOptions, ThreadFormat } from './format.js';
import type { InputDocument } from './read-input.js';

/**
 * A format whose files can hold several threads (one per post, topic or conversation). `threads`
 * returns all of them, empty ones included; `parse` picks one, `parseAll` keeps those with comments.
 */
export function multiThreadFormat(spec: {
  name: string;
  description: string;
  sniff(doc: InputDocument): boolean;
  threads(doc: InputDocument, options: ParseOptions): Thread[];
}): ThreadFormat {
  return {
    name: spec.name,
    description: spec.description,
    sniff: spec.sniff,
    parse: (doc, options = {}) => pickThread(spec.threads(doc, options), options.thread, doc),
    parseAll: (doc, options = {}) => {
      const all = spec.threads(doc, options);
      if (options.thread !== undefined) return [pickThread(all, options.thread, doc)];
      const withComments = all.filter((t) => t.comments.length > 0);
      return withComments.length > 0 ? withComments : all.slice(0, 1);
    },
  };
}

/** The thread `wanted` names (full id or platform key); without a name, the only thread with comments. */
export function pickThread(all: Thread[], wanted: string | undefined, doc: InputDocument): Thread {
  if (all.length === 0) throw new InputError('no-thread', doc.name, 'no thread found in the file');
  if (wanted !== undefined) {
    const hit = all.find((t) => t.thread.id === wanted || t.thread.id.slice(t.thread.id.indexOf(':') + 1) === wanted);
    if (!hit) throw new InputError('unknown-thread', doc.name, `no thread "${wanted}" in the file; it holds ${describe(all)}`);
    return hit;
  }
  if (all.length === 1) return all[0]!;
  const withComments = all.filter((t) => t.comments.length > 0);
  if (withComments.length === 1) return withComments[0]!;
  if (withComments.length === 0) return all[0]!;
  throw new InputError(
    'several-threads',
    doc.name,
    `the file holds ${withComments.length} threads with comments; pick one with --thread <id>: ${describe(withComments)}`,
  );
}

function describe(threads: Thread[]): string {
  const shown = threads.slice(0, 10).map((t) => `${t.thread.id} (${t.comments.length} comment${t.comments.length === 1 ? '' : 's'}${t.thread.title ? `, "${t.thread.title.slice(0, 40)}"` : ''})`);
  return shown.join(', ') + (threads.length > 10 ? `, and ${threads.length - 10} more` : '');
}

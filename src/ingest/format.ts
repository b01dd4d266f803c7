import type { Thread } from '../model/index.js';
import type { InputDocument } from './read-input.js';

export const DEFAULT_MAX_COMMENTS = 100_000;

export interface ParseOptions {
  /** Refuse threads with more comments than this (a guard against runaway inputs). */
  maxComments?: number;
  /**
   * Pick one thread from a file that holds several (a Disqus or WordPress export, a ConvoKit corpus,
   * an NDJSON dump): its id (`disqus:247937687`) or platform key (`247937687`).
   */
  thread?: string;
}

/** One input format: a cheap `sniff` for auto-detection and a strict `parse`. */
export interface ThreadFormat {
  name: string;
  description: string;
  sniff(doc: InputDocument): boolean;
  /** One thread; for a file holding several, the one `options.thread` names (see `parseAll`). */
  parse(doc: InputDocument, options?: ParseOptions): Thread;
  /**
   * Every thread in the file, in file order, for formats whose files can hold several (exports,
   * corpora, dumps). Threads without any comment are left out unless nothing else is there.
   */
  parseAll?(doc: InputDocument, options?: ParseOptions): Thread[];
}

import type { Comment, CommentStatus, ParentSource, Post, Thread, Warning } from '../model/index.js';
import type { InputDocument } from './read-input.js';
import { toStamp, type TimeKind } from './time.js';

/** One comment as a parser sees it; `index` is assigned when the thread is finished. */
export interface CommentInput {
  id: string;
  author: string;
  authorId?: string | null;
  parentId: string | null;
  parentSource: ParentSource;
  status: CommentStatus;
  text: string;
  html?: string | null;
  /** Raw timestamp and how to read it. */
  time?: { raw: unknown; kind: TimeKind };
  meta?: Record<string, unknown>;
}

export interface ThreadInfo {
  /** Platform thread key (post id, topic id...): the thread id becomes `<family>:<key>`. */
  key: string;
  title?: string | null;
  url?: string | null;
  published?: { raw: unknown; kind: TimeKind } | null;
  post?: Post | null;
  declaredCommentCount?: number | null;
}

/**
 * Collects one thread's comments and warnings while a parser walks its source, then produces the
 * canonical Thread. Shared by every structured format so ids, timestamps, placeholders and thread
 * metadata are built the same way everywhere.
 */
export class ThreadAssembler {
  readonly comments: Comment[] = [];
  readonly warnings: Warning[] = [];
  /** Comments the source says exist but that are not in the file (Reddit "more", HN kids...). */
  missing = 0;
  private readonly ids = new Set<string>();

  constructor(
    readonly doc: InputDocument,
    /** Format name (`reddit-thread`); the id family is its first word (`reddit`). */
    readonly format: string,
  ) {}

  warn(code: string, message: string, where?: string): void {
    this.warnings.push(where === undefined ? { code, message } : { code, message, where });
  }

  add(c: CommentInput): Comment {
    const stamp = c.time ? toStamp(c.time.raw, c.time.kind) : { createdAt: null, createdAtRaw: null };
    if (stamp.createdAtRaw !== null && stamp.createdAt === null) {
      this.warn('bad-timestamp', `comment ${c.id}: timestamp "${stamp.createdAtRaw}" is not a valid ${c.time!.kind} time; createdAt left empty`);
    }
    const comment: Comment = {
      id: c.id,
      index: this.comments.length,
      author: c.author,
      ...(c.authorId ? { authorId: c.authorId } : {}),
      createdAt: stamp.createdAt,
      createdAtRaw: stamp.createdAtRaw,
      parentId: c.parentId,
      parentSource: c.parentSource,
      status: c.status,
      text: c.text,
      ...(c.html ? { html: c.html } : {}),
      ...(c.meta && Object.keys(c.meta).length > 0 ? { meta: c.meta } : {}),
    };
    this.comments.push(comment);
    this.ids.add(comment.id);
    return comment;
  }

  /**
   * A placeholder for comments known to exist but absent from the file. `count` is how many it
   * stands for (a Reddit "more" stub hides many); it is added to the thread's missingCount.
   */
  addMissing(id: string, parentId: string | null, count: number, meta: Record<string, unknown> = {}): Comment {
    this.missing += count;
    return this.add({ id, author: '', parentId, parentSource: 'explicit', status: 'missing', text: '', meta: { ...meta, count } });
  }

  /** A comment id not yet used in this thread (placeholders derived from parents may collide). */
  uniqueId(base: string): string {
    if (!this.ids.has(base)) return base;
    for (let i = 2; ; i++) if (!this.ids.has(`${base}-${i}`)) return `${base}-${i}`;
  }

  finish(info: ThreadInfo): Thread {
    const family = this.format.split('-')[0]!;
    const published = info.published ? toStamp(info.published.raw, info.published.kind) : { createdAt: null, createdAtRaw: null };
    return {
      thread: {
        id: `${family}:${info.key}`,
        format: this.format,
        sourceFile: this.doc.name,
        contentHash: this.doc.sha256,
        title: info.title ?? null,
        ...(info.url ? { url: info.url } : {}),
        publishedAt: published.createdAt,
        publishedAtRaw: published.createdAtRaw,
        post: info.post ?? null,
        declaredCommentCount: info.declaredCommentCount ?? null,
        ...(this.missing > 0 ? { missingCount: this.missing } : {}),
        warnings: this.warnings,
      },
      comments: this.comments,
    };
  }
}

/** A non-negative integer from a platform count field, or null. */
export function countOf(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** `x` as a string id (numbers become their decimal form), or null. */
export function idOf(v: unknown): string | null {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

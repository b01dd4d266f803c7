import type { Comment, Thread, Warning } from '../model/index.js';
import { isDateLine } from '../text/dates.js';
import { isChromeLine, isPhotoCredit, paragraphs } from './clean-text.js';
import { InputError } from './errors.js';
import type { InputDocument } from './read-input.js';
import type { ParseOptions, ThreadFormat } from './format.js';

/*
 * Blogger's classic comment layout, copied as plain text (the shape of seeds/thread-*.txt):
 *
 *   <date line>  <post title>  <post body, often a quoted article>  [Editor: note]
 *   7 comments:                                    ← header; a checksum, not the truth
 *   <Author> said...                               ← one block per comment
 *   <body lines>  [timestamp line]  [Reply / Delete debris]
 *   Post a Comment / Newer Post / Older Post       ← page furniture after the thread
 *
 * The layout is flat: parentId is null for every comment (parentSource "none"); reply inference
 * is a separate step.
 */

// "7 comments:" (number and label may sit on separate lines), with a few localized labels.
const HEADER_RE = /^\s*(\d+)\s*\n?\s*(comments?|comentarios?|commentaires?|kommentare?|commenti|reacties|komentarze|kommentarer):\s*$/im;
// "<Author> said..." and localized equivalents (Blogger's data:commentPostedByMsg).
const AUTHOR_RE = /^(\S.{0,99}?)\s+(said|dijo|disse|a dit|sagte|zei|ha detto|napisał|skrev|sanoi)\s*(?:\.{3}|…)\s*$/i;
const DEBRIS_RE = /^(?:reply|delete|replydelete|reply\s+delete|replies|load more\.*…?|add comment|hide replies|show replies|\d+ repl(?:y|ies))$/i;
const END_OF_THREAD_RE = /^(?:post a comment|newer post|older post|home|subscribe to:.*|links to this post|create a link)$/i;
const REMOVED_RE = /^this comment has been removed by (?:the author|a blog administrator|the moderator|an administrator)\.?$/i;
const EDITOR_NOTE_RE = /^(?:[\p{L}\p{N} .'’-]{0,30}\beditor(?:'s note)?|ed\.? note|note)\s*:/iu;
const ATTRIBUTION_RE = /^[^:]{3,80},\s*[^:]{2,60}:\s*\S.{5,}$/;

export const bloggerText: ThreadFormat = {
  name: 'blogger-text',
  description: 'Blogger comment page copied as plain text ("N comments:" then "Name said..." blocks)',
  sniff(doc) {
    const head = doc.text.trimStart()[0];
    if (head === '{' || head === '[' || head === '<') return false;
    return HEADER_RE.test(doc.text) || doc.text.split('\n').some((l) => AUTHOR_RE.test(l.trim()));
  },
  parse: parseBloggerText,
};

export function parseBloggerText(doc: InputDocument, options: ParseOptions = {}): Thread {
  const text = doc.text;
  if (text.trim().length === 0) {
    throw new InputError('empty', doc.name, 'the file is empty; expected a Blogger comment thread ("N comments:" then "Name said..." blocks)');
  }
  const warnings: Warning[] = [];
  const header = HEADER_RE.exec(text);
  const declared = header ? Number(header[1]) : null;
  const bodyStart = header ? header.index + header[0].length : firstAuthorLineOffset(text);
  if (bodyStart === null) {
    throw new InputError(
      'not-a-thread',
      doc.name,
      'no Blogger comment thread found: expected an "N comments:" header followed by "Name said..." blocks' + describeShape(text),
    );
  }
  if (!header) {
    warnings.push({ code: 'missing-comment-header', message: 'no "N comments:" header; comments were found by their "Name said..." lines' });
  }

  const preamble = text.slice(0, header ? header.index : bodyStart);
  const lines = text.slice(bodyStart).split('\n');
  const lineBase = text.slice(0, bodyStart).split('\n').length; // 1-based line number of lines[0]
  const blocks: { author: string; line: number; lines: string[] }[] = [];
  let stray = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (END_OF_THREAD_RE.test(t)) break;
    const m = AUTHOR_RE.exec(t);
    if (m) {
      blocks.push({ author: m[1]!.trim(), line: lineBase + i, lines: [] });
    } else if (blocks.length === 0) {
      if (t) stray++;
    } else {
      blocks.at(-1)!.lines.push(lines[i]!);
    }
  }
  if (stray > 0) {
    warnings.push({ code: 'text-before-first-comment', message: `${stray} line(s) between the header and the first "Name said..." line were ignored` });
  }
  if (blocks.length === 0 && declared !== null && declared > 0) {
    throw new InputError(
      'truncated',
      doc.name,
      `the header says ${declared} comment(s) but no "Name said..." block follows; the file looks truncated`,
      `line ${lineBase}`,
    );
  }
  const max = options.maxComments ?? Infinity;
  if (blocks.length > max) {
    throw new InputError('too-many-comments', doc.name, `${blocks.length} comments, over the limit of ${max}`);
  }

  const comments = blocks.map((b, index) => toComment(b, index, warnings));
  if (declared !== null && declared !== comments.length) {
    warnings.push({
      code: 'comment-count-mismatch',
      message: `the header says ${declared} comment(s) but ${comments.length} were found (the file may be truncated, or some comments were on another page)`,
    });
  }

  const pre = parsePreamble(preamble);
  return {
    thread: {
      id: `blogger-text-${doc.sha256.slice(0, 16)}`,
      format: 'blogger-text',
      sourceFile: doc.name,
      contentHash: doc.sha256,
      title: pre.title,
      publishedAt: pre.publishedAt,
      publishedAtRaw: pre.publishedAtRaw,
      post: pre.post,
      declaredCommentCount: declared,
      warnings,
    },
    comments,
  };
}

function toComment(block: { author: string; line: number; lines: string[] }, index: number, warnings: Warning[]): Comment {
  const kept: string[] = [];
  let createdAtRaw: string | null = null;
  for (const line of block.lines) {
    const t = line.trim();
    if (DEBRIS_RE.test(t)) continue;
    // Classic layout prints the timestamp (a permalink) after the body.
    if (isDateLine(t)) {
      createdAtRaw = t;
      continue;
    }
    kept.push(line.replace(/\s+$/, ''));
  }
  while (kept.length && !kept[0]!.trim()) kept.shift();
  while (kept.length && !kept.at(-1)!.trim()) kept.pop();
  const text = kept.join('\n').trim();
  const id = `c${index + 1}`;
  const removal = REMOVED_RE.exec(text);
  if (text.length === 0) {
    warnings.push({ code: 'empty-comment', message: `comment ${index + 1} by ${block.author} has no text`, where: `line ${block.line}` });
  }
  return {
    id,
    index,
    author: block.author,
    createdAt: null,
    createdAtRaw,
    parentId: null,
    parentSource: 'none',
    status: removal ? (/author/i.test(text) ? 'deleted' : 'removed') : 'live',
    text: removal ? '' : text,
    ...(removal ? { meta: { notice: text } } : {}),
  };
}

interface Preamble {
  title: string | null;
  publishedAt: string | null;
  publishedAtRaw: string | null;
  post: Thread['thread']['post'];
}

/** Date line, title, then the post: an optional "Author, Outlet: Title" attribution, body, editor's note. */
function parsePreamble(preamble: string): Preamble {
  const paras = paragraphs(preamble).filter((p) => !isChromeLine(p) && !isPhotoCredit(p));
  let publishedAt: string | null = null;
  let publishedAtRaw: string | null = null;
  const first = paras[0] !== undefined ? isDateLine(paras[0]) : null;
  if (first) {
    publishedAt = first.date;
    publishedAtRaw = paras.shift()!;
  }
  const title = paras.shift() ?? null;
  let quotedFrom: string | null = null;
  if (paras[0] !== undefined && ATTRIBUTION_RE.test(paras[0]) && paras[0].length < 240) quotedFrom = paras.shift()!;
  let editorNote: string | null = null;
  const noteAt = paras.findIndex((p) => EDITOR_NOTE_RE.test(p));
  if (noteAt !== -1) editorNote = paras.splice(noteAt).join('\n\n');
  if (title === null && paras.length === 0 && editorNote === null) {
    return { title: null, publishedAt, publishedAtRaw, post: null };
  }
  return {
    title,
    publishedAt,
    publishedAtRaw,
    post: { author: null, text: paras.join('\n\n'), quotedFrom, editorNote },
  };
}

function firstAuthorLineOffset(text: string): number | null {
  let offset = 0;
  for (const line of text.split('\n')) {
    if (AUTHOR_RE.test(line.trim())) return offset;
    offset += line.length + 1;
  }
  return null;
}

/** A hint about what the file looks like instead, for the error message. */
export function describeShape(text: string): string {
  const t = text.trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return '; this looks like JSON (try --format auto, or name its format)';
  if (t.startsWith('<')) return '; this looks like XML or HTML (try --format auto, or name its format)';
  return '';
}

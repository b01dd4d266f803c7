import type { CommentStatus, Post, Thread } from '../model/index.js';
import { countOf, ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import { htmlToText } from './html-text.js';
import { multiThreadFormat } from './multi.js';
import type { InputDocument } from './read-input.js';
import { attr, childText, elements, xmlHead, xmlOf, type XmlElement } from './xml.js';

/*
 * Blogger's legacy "Back up content" export and its per-post / per-blog comment feeds (Atom). Every
 * entry says what it is with a kind category (post, page, comment, settings, template). Comment ids
 * are the numeric tail of `<id>` (`tag:blogger.com,1999:blog-<blog>.post-<comment>`). thr:in-reply-to
 * always names the *post*; the parent comment, when there is one, is the tail of
 * `link rel="related"` (`…/comments/default/<parent>`), which is what Blogger's own threading uses.
 * Removed comments carry gd:extendedProperty blogger.contentRemoved=true.
 */

const KIND = 'http://schemas.google.com/blogger/2008/kind#';

function kindOf(entry: XmlElement): string | null {
  for (const c of elements(entry, 'category')) {
    const term = attr(c, 'term') ?? '';
    if (term.startsWith(KIND)) return term.slice(KIND.length);
  }
  return null;
}

function tail(id: string | null, re: RegExp): string | null {
  return id ? (re.exec(id)?.[1] ?? null) : null;
}
const POST_TAIL = /post-(\d+)$/;

function link(entry: XmlElement, rel: string): string | null {
  for (const l of elements(entry, 'link')) if (attr(l, 'rel') === rel) return attr(l, 'href') ?? null;
  return null;
}

function property(entry: XmlElement, name: string): string | null {
  for (const p of elements(entry, 'extendedProperty')) if (attr(p, 'name') === name) return attr(p, 'value') ?? null;
  return null;
}

export const bloggerAtom = multiThreadFormat({
  name: 'blogger-atom',
  description: 'Blogger legacy export or comment feed (Atom; parent comment from link rel="related")',
  sniff(doc) {
    const head = xmlHead(doc);
    if (head?.root !== 'feed' || /blogger\/2018/.test(head.startTag)) return false;
    const t = doc.text.slice(0, 65536);
    return t.includes(KIND) || t.includes('tag:blogger.com,1999:blog-');
  },
  threads: parseBloggerAtom,
});

function parseBloggerAtom(doc: InputDocument): Thread[] {
  const { root, warnings } = xmlOf(doc);
  if (root.name !== 'feed') throw new InputError('not-blogger', doc.name, `expected a Blogger Atom feed (root <feed>), found <${root.name}>`, `line ${root.line}`);
  const posts = new Map<string, XmlElement>();
  const comments = new Map<string, XmlElement[]>();
  for (const entry of elements(root, 'entry')) {
    const kind = kindOf(entry);
    const id = tail(childText(entry, 'id'), POST_TAIL);
    if (kind === 'post' || kind === 'page') {
      if (id) posts.set(id, entry);
    } else if (kind === 'comment' || (kind === null && elements(entry, 'in-reply-to').length > 0)) {
      const reply = elements(entry, 'in-reply-to')[0];
      const postId = tail(attr(reply, 'ref') ?? null, POST_TAIL) ?? tail(attr(reply, 'source') ?? null, /\/(\d+)$/) ?? 'unknown';
      if (!comments.has(postId)) comments.set(postId, []);
      comments.get(postId)!.push(entry);
    }
  }
  const keys = [...new Set([...posts.keys(), ...comments.keys()])];
  return keys.map((key) => {
    const a = new ThreadAssembler(doc, 'blogger-atom');
    for (const w of warnings) a.warnings.push(w);
    for (const e of comments.get(key) ?? []) addComment(a, e);
    const post = posts.get(key);
    if (!post && key !== 'unknown') a.warn('no-post', `the post ${key} these comments belong to is not in the file (a comment feed)`);
    return a.finish({
      key,
      title: post ? childText(post, 'title') || null : null,
      url: post ? link(post, 'alternate') : null,
      published: post ? { raw: childText(post, 'published'), kind: 'iso' } : null,
      post: post ? postOf(post) : null,
      declaredCommentCount: post ? countOf(childText(post, 'total')) : null,
    });
  });
}

function postOf(entry: XmlElement): Post {
  const author = elements(entry, 'author')[0];
  const content = childText(entry, 'content') ?? '';
  return { author: author ? childText(author, 'name') : null, text: htmlToText(content), url: link(entry, 'alternate') };
}

function addComment(a: ThreadAssembler, entry: XmlElement): void {
  const rawId = childText(entry, 'id');
  let id = tail(rawId, POST_TAIL) ?? rawId;
  if (!id) {
    id = a.uniqueId(`line-${entry.line}`);
    a.warn('comment-without-id', `a comment entry has no <id>; kept as "${id}"`, `line ${entry.line}`);
  }
  const html = childText(entry, 'content') ?? '';
  const text = htmlToText(html);
  let status: CommentStatus = 'live';
  if (property(entry, 'blogger.contentRemoved') === 'true' || /^This comment has been removed by/i.test(text)) {
    status = /by the author/i.test(text) ? 'deleted' : 'removed';
  }
  const author = elements(entry, 'author')[0];
  const uri = author ? childText(author, 'uri') : null;
  const related = link(entry, 'related');
  const display = property(entry, 'blogger.displayTime');
  a.add({
    id,
    author: (author && childText(author, 'name')) || '',
    authorId: uri,
    parentId: tail(related, /\/comments\/default\/(\d+)/),
    parentSource: 'explicit',
    status,
    text: status === 'live' ? text : '',
    html: status === 'live' ? html || null : null,
    time: { raw: childText(entry, 'published'), kind: 'iso' },
    meta: { ...(status !== 'live' ? { notice: text } : {}), ...(display ? { displayTime: display } : {}) },
  });
}

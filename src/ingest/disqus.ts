import type { CommentStatus, Thread } from '../model/index.js';
import { ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import { htmlToText } from './html-text.js';
import { multiThreadFormat } from './multi.js';
import type { InputDocument } from './read-input.js';
import { toStamp } from './time.js';
import { attr, child, childText, elements, xmlHead, xmlOf, type XmlElement } from './xml.js';

/*
 * Disqus XML export: <category>s, then <thread dsq:id>s, then <post dsq:id>s in tree order. A post
 * belongs to thread/@dsq:id and replies to parent/@dsq:id (never to <id>, which is the importer's own
 * id or empty). Deleted posts keep their node with an empty <message/> and can still have replies;
 * spam stays as a placeholder with status spam. Real exports have quirks (posts without dsq:id, bad
 * booleans, posts of undeclared threads): each is kept and reported as a warning, not dropped.
 */

interface DisqusThread {
  key: string;
  el: XmlElement | null;
  a: ThreadAssembler;
}

export const disqus = multiThreadFormat({
  name: 'disqus',
  description: 'Disqus XML export (<disqus> with <thread> and <post dsq:id>, parents by <parent dsq:id>)',
  sniff: (doc) => xmlHead(doc)?.root === 'disqus',
  threads: parseDisqus,
});

function parseDisqus(doc: InputDocument): Thread[] {
  const { root, warnings } = xmlOf(doc);
  if (root.name !== 'disqus') throw new InputError('not-disqus', doc.name, `expected a Disqus export (root <disqus>), found <${root.name}>`, `line ${root.line}`);
  const threads = new Map<string, DisqusThread>();
  const open = (key: string, el: XmlElement | null) => {
    const t: DisqusThread = { key, el, a: new ThreadAssembler(doc, 'disqus') };
    for (const w of warnings) t.a.warnings.push(w);
    threads.set(key, t);
    return t;
  };
  for (const el of elements(root, 'thread')) {
    const key = attr(el, 'id');
    if (key) open(key, el);
  }
  for (const post of elements(root, 'post')) {
    const key = attr(child(post, 'thread'), 'id') ?? '';
    let t = threads.get(key);
    if (!t) {
      t = open(key || 'unknown', null);
      t.a.warn('undeclared-thread', `posts refer to thread "${key}", which the export does not declare`, `line ${post.line}`);
    }
    addPost(t.a, post);
  }
  return [...threads.values()].map(({ key, el, a }) => {
    const link = el ? childText(el, 'link') : null;
    const message = el ? childText(el, 'message') : null;
    const author = el ? child(el, 'author') : undefined;
    return a.finish({
      key,
      title: el ? childText(el, 'title') || null : null,
      url: link || null,
      published: el ? { raw: childText(el, 'createdAt'), kind: 'iso' } : null,
      post: el ? { author: author ? childText(author, 'name') : null, text: message ? htmlToText(message) : '', url: link || null } : null,
    });
  });
}

function addPost(a: ThreadAssembler, post: XmlElement): void {
  let id = attr(post, 'id');
  if (!id) {
    id = a.uniqueId(`line-${post.line}`);
    a.warn('post-without-id', `a post has no dsq:id; kept as "${id}"`, `line ${post.line}`);
  }
  const flag = (name: string): boolean => {
    const v = childText(post, name);
    if (v === null || v === '' || v === 'false') return false;
    if (v === 'true') return true;
    a.warn('bad-flag', `post ${id}: <${name}> is "${v}", not true/false; read as false`, `line ${post.line}`);
    return false;
  };
  const deleted = flag('isDeleted');
  const spam = flag('isSpam');
  const approved = childText(post, 'isApproved');
  const status: CommentStatus = deleted ? 'deleted' : spam ? 'spam' : approved === 'false' ? 'pending' : 'live';
  const html = childText(post, 'message') ?? '';
  const author = child(post, 'author');
  const username = author ? childText(author, 'username') : null;
  const anonymous = author ? childText(author, 'isAnonymous') === 'true' : false;
  // Disqus times are UTC; the documentation's own example omits the Z.
  const created = childText(post, 'createdAt');
  const naive = created !== null && toStamp(created, 'iso').createdAt === null && toStamp(created, 'naive-utc').createdAt !== null;
  a.add({
    id,
    author: (author && childText(author, 'name')) || username || '',
    authorId: username,
    parentId: attr(child(post, 'parent'), 'id') ?? null,
    parentSource: 'explicit',
    status,
    text: htmlToText(html),
    html: html || null,
    time: { raw: created, kind: naive ? 'naive-utc' : 'iso' },
    meta: anonymous ? { anonymous: true } : {},
  });
}

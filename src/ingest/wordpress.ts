import type { CommentStatus, Thread } from '../model/index.js';
import { ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import { htmlToText } from './html-text.js';
import { multiThreadFormat } from './multi.js';
import type { InputDocument } from './read-input.js';
import { child, childText, elements, xmlHead, xmlOf, type XmlElement } from './xml.js';

/*
 * WordPress WXR: RSS with one <item> per post and its <wp:comment>s. Parents are wp:comment_parent
 * (0 = top level) within the same item, so each item is its own thread (comment ids are only unique
 * per blog, and hand-made files reuse them across items). comment_date_gmt is naive UTC;
 * comment_date is the blog's local time with no offset, kept in meta when it is all there is.
 * comment_approved: 1 live, 0 pending, spam, trash / post-trashed removed. Pingbacks and trackbacks
 * are kept with meta.commentType so analyzers can leave them out.
 */

const STATUS: Record<string, CommentStatus> = { '1': 'live', '': 'live', approve: 'live', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'removed', 'post-trashed': 'removed' };

export const wordpress = multiThreadFormat({
  name: 'wordpress',
  description: 'WordPress WXR export (RSS with wp:comment, parents by wp:comment_parent)',
  sniff(doc) {
    const head = xmlHead(doc);
    return head?.root === 'rss' && /wordpress\.org\/export\//.test(head.startTag);
  },
  threads: parseWxr,
});

function parseWxr(doc: InputDocument): Thread[] {
  const { root, warnings } = xmlOf(doc);
  const channel = child(root, 'channel');
  if (root.name !== 'rss' || !channel) throw new InputError('not-wxr', doc.name, `expected a WordPress export (<rss><channel><item>...), found <${root.name}>`, `line ${root.line}`);
  return elements(channel, 'item').map((item, i) => {
    const a = new ThreadAssembler(doc, 'wordpress');
    for (const w of warnings) a.warnings.push(w);
    for (const c of elements(item, 'comment')) addComment(a, c);
    const link = childText(item, 'link');
    const gmt = childText(item, 'post_date_gmt');
    const body = childText(item, 'encoded');
    return a.finish({
      key: childText(item, 'post_id') || link || `item-${i + 1}`,
      title: childText(item, 'title') || null,
      url: link || null,
      published: gmt && !gmt.startsWith('0000') ? { raw: gmt, kind: 'naive-utc' } : { raw: childText(item, 'pubDate'), kind: 'rfc2822' },
      post: { author: childText(item, 'creator'), text: body ? htmlToText(body, { keepNewlines: true }) : '', url: link || null },
    });
  });
}

function addComment(a: ThreadAssembler, c: XmlElement): void {
  let id = childText(c, 'comment_id');
  if (!id) {
    id = a.uniqueId(`line-${c.line}`);
    a.warn('comment-without-id', `a wp:comment has no comment_id; kept as "${id}"`, `line ${c.line}`);
  }
  const approved = childText(c, 'comment_approved') ?? '';
  let status = STATUS[approved];
  if (status === undefined) {
    a.warn('unknown-approval', `comment ${id}: comment_approved "${approved}" is not a WordPress status; read as pending`, `line ${c.line}`);
    status = 'pending';
  }
  const parent = childText(c, 'comment_parent');
  const gmt = childText(c, 'comment_date_gmt');
  const local = childText(c, 'comment_date');
  const type = childText(c, 'comment_type');
  const userId = childText(c, 'comment_user_id');
  const url = childText(c, 'comment_author_url');
  const html = childText(c, 'comment_content') ?? '';
  const meta: Record<string, unknown> = {};
  if (type && type !== 'comment') meta.commentType = type;
  if (url) meta.authorUrl = url;
  if (local && (!gmt || gmt.startsWith('0000'))) meta.localDate = local;
  a.add({
    id,
    author: childText(c, 'comment_author') ?? '',
    authorId: userId && userId !== '0' ? userId : null,
    parentId: parent && parent !== '0' ? parent : null,
    parentSource: 'explicit',
    status,
    // WordPress shows a comment's own newlines as line breaks (wpautop).
    text: htmlToText(html, { keepNewlines: true }),
    html: html || null,
    ...(gmt && !gmt.startsWith('0000') ? { time: { raw: gmt, kind: 'naive-utc' as const } } : {}),
    meta,
  });
}

import type { Element } from 'domhandler';
import { findAll, findOne, getAttributeValue, getInnerHTML, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { CommentStatus } from '../model/index.js';
import { ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import type { ThreadFormat } from './format.js';
import { nodesToText } from './html-text.js';

/*
 * A saved Blogger post page. Two comment layouts:
 * - threaded (2012+): <li class="comment" id="c<ID>"> with its own .comment-block (cite.user, a
 *   showComment=<epoch ms> permalink, p.comment-content) and replies in a nested ol#c<ID>-ra, so the
 *   parent is the enclosing li.comment;
 * - classic: dl#comments-block with dt.comment-author ("Name said...") / dd.comment-body /
 *   dd.comment-footer. Flat: parents are unknown (parentSource none), as in the plain-text copy.
 * The exact time is the permalink's showComment epoch (UTC); the display string goes to meta.
 */

const SAID_RE = /\s+(?:said|dijo|disse|a dit|sagte|zei|ha detto|napisał|skrev|sanoi)\s*(?:\.{3}|…)?\s*$/i;
const HEADER_RE = /^\s*(\d+)\s*(?:comments?|comentarios?|commentaires?|kommentare?|commenti|reacties|komentarze|kommentarer)\s*:?\s*$/i;
const REMOVED_RE = /^this comment has been removed by/i;

const hasClass = (el: Element, cls: string) => (getAttributeValue(el, 'class') ?? '').split(/\s+/).includes(cls);
const isTag = (n: unknown): n is Element => typeof n === 'object' && n !== null && (n as Element).type === 'tag';

export const bloggerHtml: ThreadFormat = {
  name: 'blogger-html',
  description: 'Blogger post page saved as HTML (classic comments-block or threaded comment-thread layout)',
  sniff(doc) {
    if (doc.files || doc.text.trimStart()[0] !== '<') return false;
    return /class=["'][^"']*\bcomment-thread\b|id=["']comments-block["']/.test(doc.text);
  },
  parse(doc) {
    const dom = parseDocument(doc.text, { decodeEntities: true });
    const a = new ThreadAssembler(doc, 'blogger-html');
    const threaded = findAll((e) => e.name === 'li' && hasClass(e, 'comment') && /^c\d+$/.test(e.attribs.id ?? ''), dom.children);
    const classic = findOne((e) => e.attribs.id === 'comments-block', dom.children);
    if (threaded.length > 0) for (const li of threaded) addThreaded(a, li);
    else if (classic) addClassic(a, classic);
    else throw new InputError('no-comments', doc.name, 'a Blogger page, but no comment found (no li.comment in a comment-thread, no dl#comments-block)');

    const header = findAll((e) => e.name === 'h4' && HEADER_RE.test(textContent(e)), dom.children)[0];
    const declared = header ? Number(HEADER_RE.exec(textContent(header))![1]) : null;
    if (declared !== null && declared !== a.comments.length) {
      a.warn('comment-count-mismatch', `the page says ${declared} comment(s) but ${a.comments.length} were found (the rest may be behind "Load more")`);
      if (declared > a.comments.length) a.missing = declared - a.comments.length;
    }
    const byClass = (cls: string) => findOne((e) => hasClass(e, cls), dom.children);
    const title = byClass('post-title');
    const body = byClass('post-body');
    const postId = (body?.attribs.id ?? '').replace(/^post-body-/, '') || findOne((e) => e.attribs['data-post-id'] !== undefined, dom.children)?.attribs['data-post-id'];
    const published = findOne((e) => (e.name === 'abbr' && hasClass(e, 'published')) || (e.name === 'time' && e.attribs.datetime !== undefined), dom.children);
    const canonical = findOne((e) => e.name === 'link' && e.attribs.rel === 'canonical', dom.children)?.attribs.href ?? null;
    return a.finish({
      key: postId || doc.sha256.slice(0, 16),
      title: title ? textContent(title).trim() : null,
      url: canonical,
      published: published ? { raw: published.attribs.title ?? published.attribs.datetime, kind: 'iso' } : null,
      post: body ? { author: null, text: nodesToText(body.children), url: canonical } : null,
      declaredCommentCount: declared,
    });
  },
};

/** The comment's own block: direct child .comment-block, not those of nested replies. */
function addThreaded(a: ThreadAssembler, li: Element): void {
  const block = li.children.find((c): c is Element => isTag(c) && hasClass(c, 'comment-block'));
  let parent: Element | null = li.parent as Element | null;
  while (parent && !(parent.name === 'li' && hasClass(parent, 'comment'))) parent = parent.parent as Element | null;
  const scope = block ? [block] : [];
  const cite = findOne((e) => e.name === 'cite' && hasClass(e, 'user'), scope);
  const content = findOne((e) => hasClass(e, 'comment-content'), scope);
  const stamp = findOne((e) => e.name === 'a' && /showComment=\d+/.test(e.attribs.href ?? ''), scope);
  addOne(a, {
    id: li.attribs.id!.slice(1),
    author: cite ? textContent(cite).trim() : '',
    authorUrl: cite ? (findOne((e) => e.name === 'a', [cite])?.attribs.href ?? null) : null,
    parentId: parent ? parent.attribs.id!.slice(1) : null,
    parentSource: 'explicit',
    content,
    stamp,
  });
}

function addClassic(a: ThreadAssembler, dl: Element): void {
  const items = dl.children.filter(isTag);
  items.forEach((dt, i) => {
    if (dt.name !== 'dt') return;
    const body = items[i + 1]?.name === 'dd' && hasClass(items[i + 1]!, 'comment-body') ? items[i + 1] : undefined;
    const footer = items.slice(i + 1, i + 3).find((d) => d.name === 'dd' && hasClass(d, 'comment-footer'));
    const anchor = findOne((e) => e.name === 'a' && /^c\d+$/.test(e.attribs.name ?? ''), [dt]);
    const id = (/^c\d+$/.test(dt.attribs.id ?? '') ? dt.attribs.id : anchor?.attribs.name)?.slice(1) ?? a.uniqueId(`c${a.comments.length + 1}`);
    const profile = findOne((e) => e.name === 'a' && /profile|http/.test(e.attribs.href ?? ''), [dt]);
    addOne(a, {
      id,
      author: textContent(dt).replace(SAID_RE, '').trim(),
      authorUrl: profile?.attribs.href ?? null,
      parentId: null,
      parentSource: 'none',
      content: body ?? null,
      stamp: footer ? findOne((e) => e.name === 'a' && /showComment=\d+/.test(e.attribs.href ?? ''), [footer]) : null,
    });
  });
}

function addOne(
  a: ThreadAssembler,
  c: { id: string; author: string; authorUrl: string | null; parentId: string | null; parentSource: 'explicit' | 'none'; content: Element | null; stamp: Element | null },
): void {
  const text = c.content ? nodesToText(c.content.children) : '';
  const deletedSpan = c.content ? findOne((e) => hasClass(e, 'deleted-comment'), [c.content]) : null;
  let status: CommentStatus = 'live';
  if (deletedSpan || REMOVED_RE.test(text)) status = /by the author/i.test(text) ? 'deleted' : 'removed';
  const ms = /showComment=(\d+)/.exec(c.stamp?.attribs.href ?? '')?.[1];
  const display = c.stamp ? textContent(c.stamp).trim() : null;
  const meta: Record<string, unknown> = {};
  if (display) meta.displayTime = display;
  if (c.authorUrl) meta.authorUrl = c.authorUrl;
  if (status !== 'live') meta.notice = text;
  a.add({
    id: c.id,
    author: c.author,
    parentId: c.parentId,
    parentSource: c.parentSource,
    status,
    text: status === 'live' ? text : '',
    html: status === 'live' && c.content ? getInnerHTML(c.content) : null,
    ...(ms ? { time: { raw: ms, kind: 'unix-ms' as const } } : {}),
    meta,
  });
}

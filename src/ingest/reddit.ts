import type { Post } from '../model/index.js';
import { ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import type { ThreadFormat } from './format.js';
import { decodeEntities, htmlToText } from './html-text.js';
import { eachJsonLine, isObject, jsonOf, peekJson, str } from './json-doc.js';
import { multiThreadFormat } from './multi.js';
import type { InputDocument } from './read-input.js';

/*
 * Reddit, three shapes with one record type (t1 = comment, t3 = post, more = stub):
 * - thread JSON (`/comments/<id>.json`): [Listing(post), Listing(comments)], replies nested, and each
 *   `replies` is a Listing or the empty string;
 * - morechildren responses: {json: {data: {things: [...]}}}, flat, linked by parent_id;
 * - Pushshift / Arctic-Shift NDJSON dumps: one record per line, grouped into threads by link_id.
 * `body` is Markdown with &, <, > entity-escaped; `body_html` is HTML escaped once more. Each layer is
 * decoded once: text comes from body_html (unescape, then HTML → text), else from body (unescape).
 * "[deleted]" = withdrawn by the author, "[removed]" = taken down by moderators; both stay as placeholders.
 */

type Rec = Record<string, unknown>;

/** `t1_abc` → `abc`; `t3_…` parents mean "the post" (null). */
function parentOf(fullname: string | null): string | null {
  if (!fullname || fullname.startsWith('t3_')) return null;
  return fullname.replace(/^t\d_/, '');
}

function addComment(a: ThreadAssembler, d: Rec): void {
  const id = str(d.id) ?? str(d.name)?.replace(/^t1_/, '');
  if (!id) {
    a.warn('comment-without-id', `a comment by ${str(d.author) ?? 'unknown'} has no id; skipped`);
    return;
  }
  const body = str(d.body);
  const bodyHtml = str(d.body_html);
  const status = body === '[deleted]' ? 'deleted' : body === '[removed]' ? 'removed' : 'live';
  const html = bodyHtml ? decodeEntities(bodyHtml) : null;
  const text = status !== 'live' ? '' : html !== null ? htmlToText(html) : decodeEntities(body ?? '');
  const meta: Rec = {};
  if (status !== 'live') meta.notice = body;
  if (body !== null && status === 'live') meta.markdown = decodeEntities(body);
  if (typeof d.score === 'number') meta.score = d.score;
  if (typeof d.edited === 'number') meta.editedAt = new Date(d.edited * 1000).toISOString();
  if (str(d.distinguished)) meta.distinguished = d.distinguished;
  if (d.stickied === true) meta.stickied = true;
  a.add({
    id,
    author: str(d.author) ?? '',
    authorId: str(d.author_fullname),
    parentId: parentOf(str(d.parent_id)),
    parentSource: 'explicit',
    status,
    text,
    html: status === 'live' ? html : null,
    time: { raw: d.created_utc, kind: 'unix' },
    meta,
  });
}

/** A `more` stub → one missing placeholder standing for `count` comments. */
function addMore(a: ThreadAssembler, d: Rec): void {
  const parent = parentOf(str(d.parent_id));
  const count = typeof d.count === 'number' ? d.count : 0;
  const children = Array.isArray(d.children) ? d.children.filter((c): c is string => typeof c === 'string') : [];
  const continueThread = d.id === '_';
  a.addMissing(a.uniqueId(`more-${parent ?? 'post'}`), parent, count, continueThread ? { continueThread: true } : { childIds: children });
}

function addThing(a: ThreadAssembler, thing: unknown, nested: boolean): void {
  if (!isObject(thing) || !isObject(thing.data)) return;
  if (thing.kind === 'more') return addMore(a, thing.data);
  if (thing.kind !== 't1') return;
  addComment(a, thing.data);
  const replies = thing.data.replies;
  // `replies` is a Listing, or "" when there are none.
  if (nested && isObject(replies) && isObject(replies.data) && Array.isArray(replies.data.children)) {
    for (const r of replies.data.children) addThing(a, r, true);
  }
}

function postOf(d: Rec): { key: string; title: string | null; post: Post; url: string | null; created: unknown; count: number | null } {
  const html = str(d.selftext_html);
  const permalink = str(d.permalink);
  const url = permalink ? `https://www.reddit.com${permalink}` : str(d.url);
  return {
    key: str(d.id) ?? str(d.name)?.replace(/^t3_/, '') ?? 'unknown',
    // Titles are entity-escaped like bodies.
    title: str(d.title) !== null ? decodeEntities(str(d.title)!) : null,
    post: { author: str(d.author), text: html ? htmlToText(decodeEntities(html)) : decodeEntities(str(d.selftext) ?? ''), url },
    url,
    created: d.created_utc,
    count: typeof d.num_comments === 'number' ? d.num_comments : null,
  };
}

function isListing(v: unknown): v is { kind: 'Listing'; data: { children: unknown[] } } {
  return isObject(v) && v.kind === 'Listing' && isObject(v.data) && Array.isArray(v.data.children);
}

export const redditThread: ThreadFormat = {
  name: 'reddit-thread',
  description: 'Reddit thread JSON (the .json of a post: two Listings, nested replies, "more" stubs)',
  sniff(doc) {
    const v = peekJson(doc);
    return Array.isArray(v) && v.length === 2 && isListing(v[0]) && isListing(v[1]);
  },
  parse(doc) {
    const v = jsonOf(doc);
    if (!(Array.isArray(v) && v.length === 2 && isListing(v[0]) && isListing(v[1]))) {
      throw new InputError('not-reddit', doc.name, 'expected a Reddit thread: a JSON array of two Listings (the post, then the comments)');
    }
    const a = new ThreadAssembler(doc, 'reddit-thread');
    const postThing = v[0].data.children.find((c) => isObject(c) && c.kind === 't3');
    for (const c of v[1].data.children) addThing(a, c, true);
    const p = isObject(postThing) && isObject(postThing.data) ? postOf(postThing.data) : null;
    if (!p) a.warn('no-post', 'the first Listing has no t3 post; thread metadata is unknown');
    return a.finish({
      key: p?.key ?? firstLinkId(v[1].data.children) ?? doc.sha256.slice(0, 16),
      title: p?.title ?? null,
      url: p?.url ?? null,
      published: p ? { raw: p.created, kind: 'unix' } : null,
      post: p?.post ?? null,
      declaredCommentCount: p?.count ?? null,
    });
  },
};

/** The thread key from the first comment's link_id (when the post record is absent). */
function firstLinkId(things: unknown[]): string | null {
  for (const t of things) if (isObject(t) && isObject(t.data) && typeof t.data.link_id === 'string') return t.data.link_id.replace(/^t3_/, '');
  return null;
}

export const redditMoreChildren: ThreadFormat = {
  name: 'reddit-morechildren',
  description: 'Reddit /api/morechildren response ({"json": {"data": {"things": [...]}}}: flat comments linked by parent_id)',
  sniff(doc) {
    const v = peekJson(doc);
    return isObject(v) && isObject(v.json) && isObject(v.json.data) && Array.isArray(v.json.data.things);
  },
  parse(doc) {
    const v = jsonOf(doc);
    const things = isObject(v) && isObject(v.json) && isObject(v.json.data) && Array.isArray(v.json.data.things) ? v.json.data.things : null;
    if (!things) throw new InputError('not-reddit', doc.name, 'expected a Reddit morechildren response: {"json": {"data": {"things": [...]}}}');
    const a = new ThreadAssembler(doc, 'reddit-morechildren');
    let link: string | null = null;
    for (const t of things) {
      if (isObject(t) && isObject(t.data)) link ??= str(t.data.link_id);
      addThing(a, t, false);
    }
    a.warn('partial-thread', 'a morechildren response is a fragment of a thread: replies to comments outside it are re-attached to the post');
    return a.finish({ key: link?.replace(/^t3_/, '') ?? doc.sha256.slice(0, 16) });
  },
};

/** Pushshift-style dumps: one comment (or submission) per line; threads rebuilt per link_id. */
export const redditNdjson = multiThreadFormat({
  name: 'reddit-ndjson',
  description: 'Pushshift / Arctic-Shift NDJSON dump: one Reddit comment per line (parent_id, link_id), grouped into threads by link_id',
  sniff(doc) {
    if (doc.files || doc.text.trimStart()[0] !== '{') return false;
    const lines = doc.text.split('\n', 20).filter((l) => l.trim());
    for (const l of lines.slice(0, 5)) {
      try {
        const r = JSON.parse(l) as unknown;
        if (isObject(r) && typeof r.parent_id === 'string' && typeof r.link_id === 'string') return true;
      } catch {
        return false;
      }
    }
    return false;
  },
  threads(doc) {
    const groups = new Map<string, { a: ThreadAssembler; post: Rec | null }>();
    const group = (link: string) => {
      let g = groups.get(link);
      if (!g) groups.set(link, (g = { a: new ThreadAssembler(doc, 'reddit-ndjson'), post: null }));
      return g;
    };
    eachJsonLine(doc.text, doc.name, (r, line) => {
      const name = str(r.name) ?? '';
      if (typeof r.parent_id !== 'string' && (name.startsWith('t3_') || typeof r.title === 'string')) {
        group(str(r.id) ?? name.replace(/^t3_/, '')).post = r;
        return;
      }
      const link = str(r.link_id);
      if (!link) throw new InputError('bad-record', doc.name, 'a comment without link_id: cannot tell which thread it belongs to', `line ${line}`);
      addComment(group(link.replace(/^t3_/, '')).a, r);
    });
    return [...groups].map(([key, g]) => {
      const p = g.post ? postOf(g.post) : null;
      return g.a.finish({
        key,
        title: p?.title ?? null,
        url: p?.url ?? null,
        published: p ? { raw: p.created, kind: 'unix' } : null,
        post: p?.post ?? null,
        declaredCommentCount: p?.count ?? null,
      });
    });
  },
});

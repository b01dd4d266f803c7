import type { CommentStatus, Post } from '../model/index.js';
import { countOf, idOf, ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import type { ThreadFormat } from './format.js';
import { htmlToText } from './html-text.js';
import { isObject, jsonOf, peekJson, str } from './json-doc.js';
import { multiThreadFormat } from './multi.js';

/*
 * Hacker News in its three API shapes. Bodies are HTML (`<p>` unclosed, `&#x27;`), decoded once by
 * the HTML parser. `deleted` items lose author and text (placeholders, status deleted); `dead` items
 * (killed by flags or moderators) keep their text and get status removed. Stories, polls and jobs are
 * the post; `kids` that are not in the file become missing placeholders.
 */

type Rec = Record<string, unknown>;
const ROOT_TYPES = new Set(['story', 'poll', 'job']);

function statusOf(r: Rec): CommentStatus {
  return r.deleted === true ? 'deleted' : r.dead === true ? 'removed' : 'live';
}

function rootPost(r: Rec, author: unknown, html: unknown): Post {
  const url = str(r.url);
  return { author: str(author), text: typeof html === 'string' ? htmlToText(html) : '', url: url || `https://news.ycombinator.com/item?id=${String(r.id)}` };
}

// ---- Firebase items: one item, or an array of items (optionally wrapped as {item: {...}}) ----

function firebaseItems(v: unknown): Rec[] | null {
  const list = Array.isArray(v) ? v : [v];
  const items = list.map((x) => (isObject(x) && isObject(x.item) ? x.item : x));
  return items.length > 0 && items.some(isFirebaseItem) ? items.filter(isObject) : null;
}

function isFirebaseItem(v: unknown): v is Rec {
  return isObject(v) && typeof v.id === 'number' && typeof v.type === 'string' && ('by' in v || 'time' in v || 'kids' in v || 'parent' in v);
}

export const hnFirebase = multiThreadFormat({
  name: 'hn-firebase',
  description: 'Hacker News Firebase API items (one item or an array; comments linked by parent, kids)',
  sniff(doc) {
    return firebaseItems(peekJson(doc)) !== null;
  },
  threads(doc) {
    const items = firebaseItems(jsonOf(doc));
    if (!items) throw new InputError('not-hn', doc.name, 'expected Hacker News Firebase items (objects with id, type, by, time, kids/parent)');
    const byId = new Map<string, Rec>();
    const skipped: string[] = [];
    for (const it of items) {
      const id: unknown = it.id;
      if (!isFirebaseItem(it)) skipped.push(typeof id === 'string' ? `user "${id}"` : 'a record without id/type');
      else if (it.type === 'pollopt') skipped.push(`poll option ${it.id}`);
      else byId.set(String(it.id), it);
    }
    // Each comment's thread is the story its parent chain reaches; chains that leave the file form
    // a thread keyed by the first absent ancestor.
    const rootOf = (it: Rec): string => {
      let cur = it;
      for (let steps = 0; steps <= byId.size; steps++) {
        if (ROOT_TYPES.has(String(cur.type))) return String(cur.id);
        const p = idOf(cur.parent);
        const next = p ? byId.get(p) : undefined;
        if (!next) return p ?? String(cur.id);
        cur = next;
      }
      return String(it.id); // a cycle: integrity will report it
    };
    const groups = new Map<string, Rec[]>();
    for (const it of byId.values()) {
      const key = rootOf(it);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(it);
    }
    return [...groups].map(([key, members]) => {
      const a = new ThreadAssembler(doc, 'hn-firebase');
      if (skipped.length) a.warn('not-a-comment', `skipped ${skipped.join(', ')}: not comments`);
      const root = byId.get(key);
      const inGroup = new Set(members);
      const done = new Set<Rec>();
      let loaded = 0;
      const addItem = (it: Rec) => {
        done.add(it);
        a.add({
          id: String(it.id),
          author: str(it.by) ?? '',
          // The thread's key is its story, or the first ancestor missing from the file: either way the post.
          parentId: idOf(it.parent) === key ? null : idOf(it.parent),
          parentSource: 'explicit',
          status: statusOf(it),
          text: typeof it.text === 'string' ? htmlToText(it.text) : '',
          html: str(it.text),
          time: { raw: it.time, kind: 'unix' },
        });
        loaded++;
        addKids(it);
      };
      // `kids` is HN's display order; kids absent from the file become placeholders where they stand.
      const addKids = (it: Rec) => {
        for (const kid of Array.isArray(it.kids) ? it.kids : []) {
          const k = idOf(kid);
          const child = k ? byId.get(k) : undefined;
          if (child && inGroup.has(child) && !done.has(child)) addItem(child);
          else if (k && !child) a.addMissing(a.uniqueId(k), it === root ? null : String(it.id), 1);
        }
      };
      if (root) {
        done.add(root);
        addKids(root);
      }
      for (const it of members) if (!done.has(it)) addItem(it);
      const declared = root ? countOf(root.descendants) : null;
      if (declared !== null && declared - loaded > a.missing) a.missing = declared - loaded;
      if (!root) a.warn('no-post', `the story (or comment) ${key} these comments reply to is not in the file`);
      return a.finish({
        key,
        title: root ? str(root.title) : null,
        url: root ? rootPost(root, null, null).url : null,
        published: root ? { raw: root.time, kind: 'unix' } : null,
        post: root ? rootPost(root, root.by, root.text) : null,
        declaredCommentCount: declared,
      });
    });
  },
});

// ---- Algolia items/<id>: the whole tree in one response ----

function isAlgolia(v: unknown): v is Rec {
  return isObject(v) && Array.isArray(v.children) && 'created_at_i' in v;
}

export const hnAlgolia: ThreadFormat = {
  name: 'hn-algolia',
  description: 'Hacker News Algolia items/<id> response (nested children, created_at_i)',
  sniff: (doc) => isAlgolia(peekJson(doc)),
  parse(doc) {
    const v = jsonOf(doc);
    if (!isAlgolia(v)) throw new InputError('not-hn', doc.name, 'expected a Hacker News Algolia item: an object with children[] and created_at_i');
    const a = new ThreadAssembler(doc, 'hn-algolia');
    const isRoot = ROOT_TYPES.has(String(v.type));
    const visit = (n: Rec, parent: string | null) => {
      const id = idOf(n.id) ?? a.uniqueId('unknown');
      // Deleted comments keep their node (and children) with author and text null.
      const deleted = n.author === null && n.text === null;
      a.add({
        id,
        author: str(n.author) ?? '',
        parentId: parent,
        parentSource: 'explicit',
        status: deleted ? 'deleted' : 'live',
        text: typeof n.text === 'string' ? htmlToText(n.text) : '',
        html: str(n.text),
        time: n.created_at_i !== undefined ? { raw: n.created_at_i, kind: 'unix' } : { raw: n.created_at, kind: 'iso' },
      });
      for (const c of Array.isArray(n.children) ? n.children : []) if (isObject(c)) visit(c, id);
    };
    if (isRoot) for (const c of v.children as unknown[]) isObject(c) && visit(c, null);
    else visit(v, idOf(v.parent_id));
    return a.finish({
      key: idOf(isRoot ? v.id : v.story_id) ?? doc.sha256.slice(0, 16),
      title: isRoot ? str(v.title) : null,
      url: isRoot ? rootPost(v, null, null).url : null,
      published: isRoot ? { raw: v.created_at_i, kind: 'unix' } : null,
      post: isRoot ? rootPost(v, v.author, v.text) : null,
    });
  },
};

// ---- HNPWA (node-hnapi): comments[] with level ----

function isHnpwa(v: unknown): v is Rec {
  return isObject(v) && Array.isArray(v.comments) && ('time_ago' in v || 'comments_count' in v || 'level' in v);
}

export const hnpwa: ThreadFormat = {
  name: 'hnpwa',
  description: 'Hacker News HNPWA / node-hnapi item (comments[] nested, with level and time_ago)',
  sniff: (doc) => isHnpwa(peekJson(doc)),
  parse(doc) {
    const v = jsonOf(doc);
    if (!isHnpwa(v)) throw new InputError('not-hn', doc.name, 'expected an HNPWA item: an object with comments[] and time_ago');
    const a = new ThreadAssembler(doc, 'hnpwa');
    const visit = (n: Rec, parent: string | null) => {
      const id = idOf(n.id) ?? a.uniqueId('unknown');
      const status = statusOf(n);
      a.add({
        id,
        author: str(n.user) ?? '',
        parentId: parent,
        parentSource: 'explicit',
        status,
        text: typeof n.content === 'string' && !(status === 'deleted' && n.content === '[deleted]') ? htmlToText(n.content) : '',
        html: status === 'deleted' ? null : str(n.content),
        time: { raw: n.time, kind: 'unix' },
      });
      for (const c of Array.isArray(n.comments) ? n.comments : []) if (isObject(c)) visit(c, id);
    };
    for (const c of v.comments as unknown[]) if (isObject(c)) visit(c, null);
    const declared = countOf(v.comments_count);
    if (declared !== null && declared > a.comments.length) a.missing = declared - a.comments.length;
    return a.finish({
      key: idOf(v.id) ?? doc.sha256.slice(0, 16),
      title: str(v.title),
      url: rootPost(v, null, null).url,
      published: { raw: v.time, kind: 'unix' },
      post: rootPost(v, v.user, v.content),
      declaredCommentCount: declared,
    });
  },
};

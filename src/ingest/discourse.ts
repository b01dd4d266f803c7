import type { CommentStatus } from '../model/index.js';
import { countOf, idOf, ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import type { ThreadFormat } from './format.js';
import { htmlToText } from './html-text.js';
import { isObject, jsonOf, peekJson, str } from './json-doc.js';

/*
 * Discourse topic JSON (`/t/<id>.json`). Post 1 is the topic's opening post (the thread's post); the
 * rest are comments. Replies point at `reply_to_post_number` — a post *number*, not the post id — so
 * comment ids are post numbers. null means "a reply to the topic", which on Discourse is also what a
 * reply to the last post looks like, so those get parentSource none (reply inference may do better).
 * post_type 2/3 are moderator actions and small actions ("This topic is now pinned"): events, not
 * comments; they are left out with a warning. Deleted / hidden posts stay as placeholders.
 * `post_stream.stream` lists every post id while `posts` holds the first batch: the difference is
 * the thread's missing count.
 */

type Rec = Record<string, unknown>;
const SYSTEM_TYPES: Record<number, string> = { 2: 'moderator action', 3: 'small action' };

function postsOf(v: unknown): Rec[] | null {
  return isObject(v) && isObject(v.post_stream) && Array.isArray(v.post_stream.posts) ? v.post_stream.posts.filter(isObject) : null;
}

export const discourse: ThreadFormat = {
  name: 'discourse',
  description: 'Discourse topic JSON (post_stream.posts; parents by reply_to_post_number)',
  sniff: (doc) => postsOf(peekJson(doc)) !== null,
  parse(doc) {
    const v = jsonOf(doc);
    const posts = postsOf(v);
    if (!isObject(v) || !posts) throw new InputError('not-discourse', doc.name, 'expected a Discourse topic: an object with post_stream.posts[]');
    const a = new ThreadAssembler(doc, 'discourse');
    const first = posts.find((p) => p.post_number === 1) ?? null;
    const skipped: string[] = [];
    for (const p of posts) {
      if (p === first) continue;
      const number = idOf(p.post_number);
      const system = typeof p.post_type === 'number' ? SYSTEM_TYPES[p.post_type] : undefined;
      if (system || !number) {
        skipped.push(`post ${number ?? String(p.id)} (${system ?? 'no post_number'})`);
        continue;
      }
      const reply = idOf(p.reply_to_post_number);
      const status: CommentStatus = p.user_deleted === true ? 'deleted' : p.deleted_at ? 'removed' : p.hidden === true ? 'removed' : 'live';
      const html = str(p.cooked) ?? '';
      const meta: Rec = { postId: p.id };
      if (str(p.name)) meta.displayName = p.name;
      if (p.hidden === true) meta.hidden = true;
      if (p.post_type === 4) meta.whisper = true;
      a.add({
        id: number,
        author: str(p.username) ?? '',
        authorId: idOf(p.user_id),
        parentId: reply === '1' ? null : reply,
        parentSource: reply === null ? 'none' : 'explicit',
        status,
        // Hidden (flagged) posts keep their text: a moderator needs it; analyzers skip non-live ones.
        text: p.user_deleted === true || p.deleted_at ? '' : htmlToText(html),
        html: html || null,
        time: { raw: p.created_at, kind: 'iso' },
        meta,
      });
    }
    if (skipped.length) a.warn('system-post', `left out ${skipped.join(', ')}: not comments`);
    const stream = isObject(v.post_stream) && Array.isArray(v.post_stream.stream) ? v.post_stream.stream.length : null;
    if (stream !== null && stream > posts.length) a.missing = stream - posts.length;
    const firstAuthor = first ? str(first.username) : null;
    return a.finish({
      key: idOf(v.id) ?? doc.sha256.slice(0, 16),
      title: str(v.title),
      url: null,
      published: { raw: v.created_at, kind: 'iso' },
      post: first ? { author: firstAuthor, text: htmlToText(str(first.cooked) ?? ''), url: null } : null,
      declaredCommentCount: countOf(v.posts_count) !== null ? countOf(v.posts_count)! - 1 : null,
    });
  },
};

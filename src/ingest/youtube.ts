import type { CommentStatus } from '../model/index.js';
import { countOf, ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import { htmlToText } from './html-text.js';
import { isObject, jsonOf, peekJson, str } from './json-doc.js';
import { multiThreadFormat } from './multi.js';

/*
 * YouTube Data API v3 commentThreads.list (part=snippet,replies). Two levels: a top-level comment and
 * a *subset* of its replies (reply ids are `<threadId>.<suffix>`, snippet.parentId the thread's
 * comment). totalReplyCount minus the replies present is recorded as missing. Text: textOriginal when
 * the response has it (what the author typed), else textDisplay as HTML → text. The video is the
 * post but is not in the response, so post is null; a response may span several videos (one thread
 * per videoId). Deleted comments are not returned by the API; moderationStatus (owner calls only)
 * maps heldForReview/likelySpam → pending/spam, rejected → removed.
 */

type Rec = Record<string, unknown>;
const MODERATION: Record<string, CommentStatus> = { published: 'live', heldForReview: 'pending', likelySpam: 'spam', rejected: 'removed' };

function isResponse(v: unknown): v is Rec & { items: unknown[] } {
  return isObject(v) && typeof v.kind === 'string' && v.kind.startsWith('youtube#commentThread') && Array.isArray(v.items);
}

export const youtube = multiThreadFormat({
  name: 'youtube',
  description: 'YouTube Data API commentThreads list response (top-level comments with a subset of replies)',
  sniff: (doc) => isResponse(peekJson(doc)),
  threads(doc) {
    const v = jsonOf(doc);
    if (!isResponse(v)) throw new InputError('not-youtube', doc.name, 'expected a YouTube commentThreadListResponse: {"kind": "youtube#commentThreadListResponse", "items": [...]}');
    const videos = new Map<string, ThreadAssembler>();
    v.items.forEach((item, i) => {
      if (!isObject(item) || !isObject(item.snippet) || !isObject(item.snippet.topLevelComment)) {
        throw new InputError('bad-record', doc.name, 'a commentThread without snippet.topLevelComment', `/items/${i}`);
      }
      const s = item.snippet;
      const video = str(s.videoId) ?? str(s.channelId) ?? 'unknown';
      let a = videos.get(video);
      if (!a) videos.set(video, (a = new ThreadAssembler(doc, 'youtube')));
      const top = addComment(a, item.snippet.topLevelComment, null);
      const replies = isObject(item.replies) && Array.isArray(item.replies.comments) ? item.replies.comments : [];
      for (const r of replies) addComment(a, r, top);
      const total = countOf(s.totalReplyCount);
      if (top && total !== null && total > replies.length) {
        a.addMissing(a.uniqueId(`${top}.more`), top, total - replies.length, { reason: 'the API returns a subset of replies; fetch the rest with comments.list?parentId=' });
      }
    });
    return [...videos].map(([video, a]) =>
      a.finish({ key: video, url: video !== 'unknown' ? `https://www.youtube.com/watch?v=${video}` : null }),
    );
  },
});

function addComment(a: ThreadAssembler, c: unknown, thread: string | null): string | null {
  if (!isObject(c) || !isObject(c.snippet)) {
    a.warn('bad-record', 'a comment without snippet was skipped');
    return null;
  }
  const s: Rec = c.snippet;
  const id = str(c.id) ?? a.uniqueId('unknown');
  const display = str(s.textDisplay);
  const original = str(s.textOriginal);
  const channel = isObject(s.authorChannelId) ? str(s.authorChannelId.value) : null;
  const moderation = str(s.moderationStatus);
  a.add({
    id,
    author: str(s.authorDisplayName) ?? '',
    authorId: channel,
    parentId: thread === null ? null : (str(s.parentId) ?? thread),
    parentSource: 'explicit',
    status: (moderation && MODERATION[moderation]) || 'live',
    text: original ?? (display ? htmlToText(display) : ''),
    html: display,
    time: { raw: s.publishedAt, kind: 'iso' },
    meta: typeof s.likeCount === 'number' ? { likeCount: s.likeCount } : {},
  });
  return id;
}

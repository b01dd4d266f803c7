import type { CommentStatus, Thread } from '../model/index.js';
import { idOf, ThreadAssembler } from './assemble.js';
import { InputError } from './errors.js';
import { eachJsonLine, isObject, str } from './json-doc.js';
import { multiThreadFormat } from './multi.js';
import type { InputDocument } from './read-input.js';
import type { TimeKind } from './time.js';

/*
 * A ConvoKit corpus directory: utterances.jsonl (one utterance per line) plus optional
 * conversations.json / speakers.json (users.json in the legacy format). Field names vary by version:
 * `speaker` or legacy `user`, `conversation_id` or legacy `root`, `reply-to` or `reply_to`
 * (Reddit-derived corpora). Each conversation is a thread whose root utterance (id = conversation id,
 * else the first with no reply-to) is the post; utterances replying to the root are top-level
 * comments. Duplicate utterance ids are refused (which one would a decision apply to?); dangling
 * replies and cycles are repaired by the integrity check with warnings. Text is plain; the Reddit
 * convention "[deleted]" / "[removed]" marks placeholders.
 */

type Rec = Record<string, unknown>;

interface Utterance {
  id: string;
  conversation: string;
  replyTo: string | null;
  speaker: string;
  text: string;
  timestamp: unknown;
  line: number;
}

export const convokit = multiThreadFormat({
  name: 'convokit',
  description: 'ConvoKit corpus directory (utterances.jsonl with reply-to / reply_to, conversations.json, speakers.json)',
  sniff: (doc) => doc.files?.has('utterances.jsonl') === true,
  threads: parseConvokit,
});

function readJson(doc: InputDocument, file: string): Rec | null {
  const text = doc.files?.get(file);
  if (text === undefined) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return isObject(v) ? v : null;
  } catch (e) {
    throw new InputError('bad-json', `${doc.name}/${file}`, `malformed JSON: ${(e as Error).message}`);
  }
}

function readUtterances(doc: InputDocument): Utterance[] {
  const file = `${doc.name.replace(/\/+$/, '')}/utterances.jsonl`;
  const text = doc.files?.get('utterances.jsonl');
  if (text === undefined) throw new InputError('not-convokit', doc.name, 'not a ConvoKit corpus: no utterances.jsonl in the directory');
  const seen = new Map<string, number>();
  const out: Utterance[] = [];
  eachJsonLine(text, file, (r, line) => {
    const id = idOf(r.id);
    if (!id) throw new InputError('bad-record', file, 'an utterance without "id"', `line ${line}`);
    const dup = seen.get(id);
    if (dup !== undefined) throw new InputError('duplicate-id', file, `utterance id "${id}" is used on lines ${dup} and ${line}; ids must be unique`, `line ${line}`);
    seen.set(id, line);
    const replyTo = 'reply-to' in r ? r['reply-to'] : r.reply_to;
    out.push({
      id,
      conversation: idOf(r.conversation_id) ?? idOf(r.root) ?? id,
      replyTo: idOf(replyTo),
      speaker: idOf(r.speaker) ?? idOf(r.user) ?? (isObject(r.speaker) ? (idOf(r.speaker.id) ?? '') : ''),
      text: str(r.text) ?? '',
      timestamp: r.timestamp,
      line,
    });
  });
  return out;
}

function timeKind(v: unknown): TimeKind {
  return typeof v === 'number' || (typeof v === 'string' && /^\d+(?:\.\d+)?$/.test(v)) ? 'unix' : 'iso';
}

function parseConvokit(doc: InputDocument): Thread[] {
  const utterances = readUtterances(doc);
  const conversations = readJson(doc, 'conversations.json') ?? {};
  const groups = new Map<string, Utterance[]>();
  for (const u of utterances) {
    if (!groups.has(u.conversation)) groups.set(u.conversation, []);
    groups.get(u.conversation)!.push(u);
  }
  return [...groups].map(([key, members]) => {
    const a = new ThreadAssembler(doc, 'convokit');
    const root = members.find((u) => u.id === key) ?? members.find((u) => u.replyTo === null) ?? null;
    if (!root) a.warn('no-root', `conversation ${key} has no root utterance (none with id ${key} or without reply-to); its post is unknown`);
    if (root && root.replyTo !== null) a.warn('root-replies', `the root utterance ${root.id} replies to "${root.replyTo}"; treated as the post`, `utterances.jsonl line ${root.line}`);
    for (const u of members) {
      if (u === root) continue;
      if (u.replyTo === null) a.warn('extra-root', `utterance ${u.id} has no reply-to but is not the conversation's root; kept as a top-level comment`, `utterances.jsonl line ${u.line}`);
      const removed = u.text === '[deleted]' || u.text === '[removed]';
      const status: CommentStatus = u.text === '[deleted]' ? 'deleted' : u.text === '[removed]' ? 'removed' : 'live';
      a.add({
        id: u.id,
        author: u.speaker,
        authorId: u.speaker || null,
        parentId: u.replyTo === root?.id ? null : u.replyTo,
        parentSource: u.replyTo === null ? 'none' : 'explicit',
        status,
        text: removed ? '' : u.text,
        time: { raw: u.timestamp, kind: timeKind(u.timestamp) },
        meta: removed ? { notice: u.text } : {},
      });
    }
    const conv = conversations[key];
    const convMeta = isObject(conv) ? (isObject(conv.meta) ? conv.meta : conv) : {};
    return a.finish({
      key,
      title: str(convMeta.page_title) ?? str(convMeta.title),
      published: root ? { raw: root.timestamp, kind: timeKind(root.timestamp) } : null,
      post: root ? { author: root.speaker || null, text: root.text, url: null } : null,
    });
  });
}

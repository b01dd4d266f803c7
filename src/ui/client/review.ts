import { spanGroups, worstSeverity } from '../shared/spans.js';
import { api, ApiFailure } from './api.js';
import { announce, byId, h, when } from './dom.js';
import type { Decision, DecisionAction, Me, ReviewContext, ReviewFinding, ReviewItem, ReviewItemDetail } from './types.js';

interface Mine {
  action: DecisionAction;
  note: string;
  findingId?: string;
}

interface Conflict {
  itemId: string;
  mine: Mine;
  /** Decisions recorded since the version this moderator decided on (none: a re-analysis changed the item). */
  theirs: Decision[];
  current: ReviewItemDetail;
}

const PAGE = 50;
const VERB: Record<DecisionAction, string> = { approve: 'approved', remove: 'removed', escalate: 'escalated', 'dismiss-finding': 'finding dismissed' };

/** The review queue: a list of pending items, the selected one in full, decisions by button or key. */
export async function reviewPage(me: Me): Promise<void> {
  const app = byId('app');
  app.hidden = false;
  if (me.role !== 'moderator' && me.role !== 'admin') {
    app.replaceChildren(
      h('h1', {}, 'Review queue'),
      h('p', {}, `The review queue is for moderators; your key's role is "${me.role}". `, h('a', { href: '/ui/thread.html' }, 'Read thread reports'), ' instead.'),
    );
    return;
  }
  const threadFilter = new URLSearchParams(location.search).get('thread');
  const list = byId<HTMLOListElement>('queue-list');
  const pane = byId('item');
  const more = byId<HTMLButtonElement>('more');
  const tip = byId('tip');
  const help = byId<HTMLDialogElement>('help');

  let items: ReviewItem[] = [];
  let cursor: string | null = null;
  let selected = 0;
  let busy = false;
  let conflict: Conflict | null = null;
  const contexts = new Map<string, ReviewContext | ApiFailure>();

  async function load(append: boolean): Promise<void> {
    const q = new URLSearchParams({ limit: String(PAGE), sort: 'severity' });
    if (threadFilter) q.set('threadId', threadFilter);
    if (append && cursor) q.set('cursor', cursor);
    const page = await api<{ items: ReviewItem[]; nextCursor: string | null }>(`/v1/review?${q}`);
    items = append ? [...items, ...page.items] : page.items;
    cursor = page.nextCursor;
  }

  function renderList(): void {
    byId('queue-count').textContent = `${items.length}${cursor ? '+' : ''} pending${threadFilter ? ` in thread ${threadFilter}` : ''}`;
    list.replaceChildren(
      ...items.map((it, i) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'qitem', 'aria-current': i === selected ? 'true' : null, 'data-item': it.id, onclick: () => select(i) },
            h('span', { class: `sev ${it.severity}` }, it.severity),
            ' ',
            h('span', { class: 'qtitle' }, `Comment ${it.comment.index + 1} by ${it.comment.author}`),
            h('span', { class: 'qsub' }, `${it.threadTitle ?? it.threadId} · ${it.ruleIds.join(', ')}`),
          ),
        ),
      ),
    );
    more.hidden = !cursor;
  }

  function select(i: number, focusPane = false): void {
    if (!items.length) return;
    selected = Math.max(0, Math.min(items.length - 1, i));
    if (conflict && conflict.itemId !== items[selected]!.id) conflict = null;
    renderList();
    list.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
    void renderItem();
    if (focusPane) byId('item-h').focus();
  }

  async function renderItem(): Promise<void> {
    hideTip();
    const it = items[selected];
    if (!it) {
      pane.replaceChildren(h('h2', { id: 'item-h', tabindex: '-1' }, 'Nothing to review'), h('p', {}, cursor ? 'Load more items from the list.' : 'The queue is empty.'));
      return;
    }
    pane.replaceChildren(...itemView(it));
    let ctx = contexts.get(it.id);
    if (!ctx) {
      try {
        ctx = await api<ReviewContext>(`/v1/review/${it.id}/context`);
      } catch (e) {
        ctx = e instanceof ApiFailure ? e : new ApiFailure(0, 'client', (e as Error).message);
      }
      contexts.set(it.id, ctx);
    }
    // The moderator may have moved on while the context loaded.
    if (items[selected]?.id === it.id) byId('context').replaceChildren(...contextView(ctx));
  }

  function itemView(it: ReviewItem): Node[] {
    const open = it.findings.filter((f) => !f.dismissed);
    const groups = spanGroups(it.comment.text, open);
    const descs: HTMLElement[] = [];
    const text = h(
      'blockquote',
      { class: 'comment-text', 'aria-label': `Text of comment ${it.comment.index + 1}` },
      groups.map((g, i) => {
        const s = it.comment.text.slice(g.start, g.end);
        if (!g.findings.length) return s;
        const desc = g.findings.map((f) => `${f.ruleId} (${f.severity}): ${f.reason}`).join(' · ');
        descs.push(h('span', { id: `desc-${i}` }, desc));
        return h('mark', { class: `flag ${worstSeverity(g.findings)}`, tabindex: '0', 'aria-describedby': `desc-${i}`, 'data-tip': desc, 'data-rules': g.findings.map((f) => f.ruleId).join(' ') }, s);
      }),
    );
    const threadLink = `/ui/thread.html?id=${encodeURIComponent(it.threadId)}#${encodeURIComponent(it.comment.id)}`;
    return [
      conflict && conflict.itemId === it.id ? conflictView(conflict) : null,
      h('h2', { id: 'item-h', tabindex: '-1' }, `Comment ${it.comment.index + 1} by ${it.comment.author}`),
      h(
        'p',
        { class: 'meta' },
        h('span', { class: `sev ${it.severity}` }, it.severity),
        ` ${it.state} · `,
        h('a', { href: threadLink }, it.threadTitle ?? it.threadId),
        it.comment.createdAt ? ` · ${when(it.comment.createdAt)}` : '',
        it.tone ? ` · tone ${it.tone.label} ${it.tone.score.toFixed(2)}` : '',
      ),
      // The comment and the decision first, the context below: the keyboard path stays short.
      h('h3', {}, 'The comment'),
      text,
      h('div', { class: 'sr-only' }, descs),
      h('h3', {}, `Findings (${open.length} open)`),
      h('ul', { class: 'findings' }, it.findings.map((f) => findingView(it, f))),
      actionsView(it),
      historyView(it),
      h('section', { id: 'context', 'aria-label': 'Thread context' }, h('p', { class: 'meta' }, 'Loading context…')),
    ].filter((n): n is HTMLElement => n !== null);
  }

  function findingView(it: ReviewItem, f: ReviewFinding): HTMLElement {
    return h(
      'li',
      { class: f.dismissed ? 'dismissed' : '' },
      h('code', {}, f.ruleId),
      ' ',
      h('span', { class: `sev ${f.severity}` }, f.severity),
      ` “${f.actual}” — ${f.reason}`,
      f.evidence?.length ? h('ul', { class: 'evidence' }, f.evidence.map((e) => h('li', {}, `${e.kind}: ${e.text}`))) : null,
      f.dismissed
        ? h('span', { class: 'tag' }, ' dismissed')
        : h('button', { type: 'button', class: 'small', 'aria-label': `Dismiss finding ${f.ruleId} on “${f.actual}”`, onclick: () => void decide(it, { action: 'dismiss-finding', note: noteText(), findingId: f.id }) }, 'Dismiss finding'),
    );
  }

  function actionsView(it: ReviewItem): HTMLElement {
    const btn = (action: DecisionAction, label: string, key: string) =>
      h('button', { type: 'button', class: `act ${action}`, 'aria-keyshortcuts': key, onclick: () => void decide(it, { action, note: noteText() }) }, label, ' ', h('kbd', {}, key));
    return h(
      'form',
      { class: 'actions', 'aria-label': 'Decision', onsubmit: (e: Event) => e.preventDefault() },
      h('label', { for: 'note' }, 'Note (optional)'),
      h('textarea', { id: 'note', rows: '2', maxlength: '4000' }),
      h('div', { class: 'buttons' }, btn('approve', 'Approve', 'a'), btn('remove', 'Remove', 'r'), btn('escalate', 'Escalate', 'e')),
    );
  }

  function historyView(it: ReviewItem): HTMLElement | null {
    const d = it.lastDecision;
    return d ? h('p', { class: 'meta' }, `Last decision: ${describe(d)}`) : null;
  }

  function contextView(ctx: ReviewContext | ApiFailure): Node[] {
    if (ctx instanceof ApiFailure) return [h('p', { class: 'error' }, `Context unavailable: ${ctx.message}`)];
    const out: Node[] = [];
    out.push(h('h3', {}, 'In reply to'));
    out.push(
      ctx.parent
        ? h('blockquote', { class: 'context' }, h('p', { class: 'meta' }, `Comment ${ctx.parent.index + 1} by ${ctx.parent.author}${ctx.parent.link === 'inferred' ? ' (reply link inferred)' : ''}`), h('p', { class: 'ctext' }, ctx.parent.text))
        : h('p', { class: 'meta' }, 'The post itself (a top-level comment).'),
    );
    out.push(h('h3', {}, `Challenged by (${ctx.challenges.length})`));
    out.push(
      ctx.challenges.length
        ? h('ul', { class: 'challenges' }, ctx.challenges.map((c) => h('li', {}, h('p', { class: 'meta' }, `Comment ${c.index + 1} by ${c.author}: ${c.reasons.join('; ')}`), h('p', { class: 'ctext' }, c.text))))
        : h('p', { class: 'meta' }, 'No reply disagrees with it or doubts its figures.'),
    );
    if (ctx.claims.length) {
      out.push(h('h3', {}, 'Claims in this comment'));
      out.push(
        h(
          'table',
          { class: 'claims' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'figure'), h('th', { scope: 'col' }, 'verdict'), h('th', { scope: 'col' }, 'evidence'))),
          h(
            'tbody',
            {},
            ctx.claims.map((c) => h('tr', {}, h('td', {}, `“${c.actual}”`), h('td', {}, h('span', { class: `verdict ${c.verdict}` }, c.verdict)), h('td', {}, h('ul', {}, c.notes.map((n) => h('li', {}, n)))))),
          ),
        ),
      );
    }
    out.push(h('h3', {}, `Other flagged comments by this author (${ctx.authorFlagged.length})`));
    out.push(
      ctx.authorFlagged.length
        ? h(
            'ul',
            { class: 'author-flagged' },
            ctx.authorFlagged.map((a) => {
              const at = a.itemId ? items.findIndex((i) => i.id === a.itemId) : -1;
              return h(
                'li',
                {},
                h('span', { class: `sev ${a.severity}` }, a.severity),
                ` Comment ${a.index + 1}${a.state ? ` (${a.state})` : ''}: ${a.reasons[0] ?? ''} `,
                at >= 0 ? h('button', { type: 'button', class: 'small', onclick: () => select(at, true) }, `Open comment ${a.index + 1}`) : null,
                h('p', { class: 'ctext' }, a.text),
              );
            }),
          )
        : h('p', { class: 'meta' }, 'None in this thread.'),
    );
    return out;
  }

  function conflictView(c: Conflict): HTMLElement {
    return h(
      'div',
      { class: 'conflict', role: 'alert' },
      h('h2', {}, 'Someone else changed this item first'),
      c.theirs.length
        ? h('ul', {}, c.theirs.map((d) => h('li', {}, describe(d))))
        : h('p', {}, `It was re-analyzed (now analysis version ${c.current.analysisVersion}); check the findings again.`),
      h('p', {}, `Your decision, not saved: ${c.mine.action}${c.mine.findingId ? ` ${c.mine.findingId}` : ''}${c.mine.note ? ` — note: “${c.mine.note}”` : ''}. The item is now ${c.current.state}.`),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', onclick: () => void decide(items[selected]!, c.mine) }, 'Record my decision too'),
        h('button', { type: 'button', onclick: () => keepTheirs(c) }, 'Keep theirs'),
      ),
    );
  }

  function keepTheirs(c: Conflict): void {
    conflict = null;
    if (c.current.state !== 'pending') {
      drop(c.itemId);
      announce(`Kept the other decision: comment is ${c.current.state}.`);
    }
    renderList();
    void renderItem();
  }

  function drop(itemId: string): void {
    items = items.filter((i) => i.id !== itemId);
    contexts.delete(itemId);
    selected = Math.min(selected, Math.max(0, items.length - 1));
  }

  const noteText = () => (document.getElementById('note') as HTMLTextAreaElement | null)?.value.trim() ?? '';

  async function decide(it: ReviewItem, mine: Mine): Promise<void> {
    if (busy) return;
    busy = true;
    pane.setAttribute('aria-busy', 'true');
    const label = `Comment ${it.comment.index + 1}`;
    try {
      const body = { action: mine.action, version: it.version, ...(mine.note ? { note: mine.note } : {}), ...(mine.findingId ? { findingId: mine.findingId } : {}) };
      const r = await api<{ decision: Decision; item: ReviewItem }>(`/v1/review/${it.id}/decision`, { method: 'POST', body });
      conflict = null;
      if (r.item.state === 'pending') {
        // A dismissed finding with others still open: the item stays, at its new version.
        items = items.map((i) => (i.id === it.id ? r.item : i));
      } else {
        drop(it.id);
        if (!items.length && cursor) await load(true);
      }
      announce(r.item.state === VERB[mine.action] ? `${label} ${r.item.state}.` : `${label}: ${VERB[mine.action]}; the item is ${r.item.state}.`);
      renderList();
      await renderItem();
      byId('item-h').focus();
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 409) {
        let current: ReviewItemDetail;
        try {
          current = await api<ReviewItemDetail>(`/v1/review/${it.id}`);
        } catch (e2) {
          announce(`${label}: someone else decided first and the item could not be reloaded (${(e2 as Error).message}); your decision was not saved.`, 'error');
          return;
        }
        const { history: _h, ...fresh } = current;
        items = items.map((i) => (i.id === it.id ? fresh : i));
        contexts.delete(it.id);
        conflict = { itemId: it.id, mine, theirs: current.history.filter((d) => d.itemVersion >= it.version), current };
        announce(`${label}: someone else decided first; your decision was not saved.`, 'error');
        renderList();
        await renderItem();
      } else {
        announce(`${label}: the decision was not saved: ${(e as Error).message}`, 'error');
      }
    } finally {
      busy = false;
      pane.removeAttribute('aria-busy');
    }
  }

  // Tooltips for highlighted spans, on hover and on keyboard focus alike.
  function showTip(mark: HTMLElement): void {
    tip.textContent = mark.dataset.tip ?? '';
    const r = mark.getBoundingClientRect();
    tip.style.left = `${Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 360))}px`;
    tip.style.top = `${window.scrollY + r.bottom + 6}px`;
    tip.hidden = false;
  }
  function hideTip(): void {
    tip.hidden = true;
  }
  const markOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>('mark.flag') : null);
  pane.addEventListener('mouseover', (e) => {
    const m = markOf(e.target);
    if (m) showTip(m);
  });
  pane.addEventListener('mouseout', (e) => {
    if (markOf(e.target) && document.activeElement !== markOf(e.target)) hideTip();
  });
  pane.addEventListener('focusin', (e) => (markOf(e.target) ? showTip(markOf(e.target)!) : hideTip()));
  pane.addEventListener('focusout', () => hideTip());

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement;
    if (t.closest('input, textarea, select, [contenteditable="true"]')) {
      if (e.key === 'Escape') t.blur();
      return;
    }
    if (help.open) return; // the dialog handles its own keys (Escape closes it)
    const it = items[selected];
    switch (e.key) {
      case 'j':
        select(selected + 1);
        break;
      case 'k':
        select(selected - 1);
        break;
      case 'a':
      case 'r':
      case 'e':
        if (!it) return;
        void decide(it, { action: e.key === 'a' ? 'approve' : e.key === 'r' ? 'remove' : 'escalate', note: noteText() });
        break;
      case '?':
        help.showModal();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  byId('help-open').addEventListener('click', () => help.showModal());
  byId('help-close').addEventListener('click', () => help.close());
  more.addEventListener('click', async () => {
    try {
      await load(true);
    } catch (e) {
      announce(`Could not load more: ${(e as Error).message}`, 'error');
    }
    renderList();
  });

  try {
    await load(false);
  } catch (e) {
    announce(`Could not load the queue: ${(e as Error).message}`, 'error');
    return;
  }
  renderList();
  await renderItem();
  document.body.dataset.ready = 'true';
}

function describe(d: Decision): string {
  return `${d.action}${d.findingId ? ` ${d.findingId}` : ''} by ${d.decidedBy.name} (${d.decidedBy.role}) at ${when(d.decidedAt)} → ${d.resultingState}${d.note ? `; note: “${d.note}”` : ''}`;
}

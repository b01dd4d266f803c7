import { api } from './api.js';
import { announce, byId, h, when } from './dom.js';
import type { Me, ThreadSummary } from './types.js';

/**
 * The thread report page: the server's HTML report (the same body `?format=html` renders, every
 * string escaped there) shown under this page's header; with no thread chosen, the list of threads.
 */
export async function threadPage(_me: Me): Promise<void> {
  const app = byId('app');
  app.hidden = false;
  const id = new URLSearchParams(location.search).get('id');
  if (!id) return threadList(app);

  let html: string;
  try {
    html = await api<string>(`/v1/threads/${encodeURIComponent(id)}/report?format=html`, { accept: 'text/html' });
  } catch (e) {
    app.replaceChildren(h('h1', {}, `Thread ${id}`), h('p', { class: 'error', role: 'alert' }, `No report: ${(e as Error).message}`), h('p', {}, h('a', { href: '/ui/thread.html' }, 'All threads')));
    return;
  }
  // Parsed inertly (DOMParser runs no scripts, and the page's CSP forbids inline ones anyway); only the
  // report's <main> is kept. Its inline <style> is dropped before parsing (the parsed document inherits
  // this page's CSP, which refuses it); /ui/report.css holds the same rules.
  const doc = new DOMParser().parseFromString(html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ''), 'text/html');
  const main = doc.querySelector('main');
  const report = h('div', { class: 'report' });
  report.append(...Array.from(main?.childNodes ?? []).map((n) => document.importNode(n, true)));
  app.replaceChildren(
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '/ui/thread.html' }, 'All threads'), ' · ', h('a', { href: `/ui/?thread=${encodeURIComponent(id)}` }, 'Review this thread')),
    report,
  );
  document.title = `${report.querySelector('h1')?.textContent ?? id} · Threadlens`;
  if (location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  document.body.dataset.ready = 'true';
}

async function threadList(app: HTMLElement): Promise<void> {
  let page: { items: ThreadSummary[]; nextCursor: string | null };
  try {
    page = await api('/v1/threads?limit=200');
  } catch (e) {
    announce(`Could not list threads: ${(e as Error).message}`, 'error');
    return;
  }
  app.replaceChildren(
    h('h1', {}, 'Threads'),
    page.items.length
      ? h(
          'table',
          { class: 'claims' },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'thread'), h('th', { scope: 'col' }, 'status'), h('th', { scope: 'col' }, 'comments'), h('th', { scope: 'col' }, 'submitted'))),
          h(
            'tbody',
            {},
            page.items.map((t) =>
              h(
                'tr',
                {},
                h('td', {}, h('a', { href: `/ui/thread.html?id=${encodeURIComponent(t.id)}` }, t.title ?? t.id)),
                h('td', {}, t.status),
                h('td', {}, String(t.commentCount)),
                h('td', {}, when(t.createdAt)),
              ),
            ),
          ),
        )
      : h('p', {}, 'No threads yet.'),
  );
  document.body.dataset.ready = 'true';
}

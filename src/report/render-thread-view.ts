import type { Report, ReportComment, ReplyNode, StanceCue } from '../model/index.js';

/**
 * The thread view (reply tree, stance summary, disagreement pairs) and the per-comment stance line,
 * for each renderer. Explicit links are drawn `└─`, inferred ones `└┄` with their confidence and
 * evidence, so a moderator never mistakes a guess for the source's own structure.
 */

const CUES_SHOWN = 2;

export function indexOfId(r: Report): Map<string, number> {
  return new Map(r.comments.map((c) => [c.id, c.index] as const));
}

function cueText(cues: readonly StanceCue[]): string {
  return cues.slice(0, CUES_SHOWN).map((c) => c.cue).join('; ');
}

/** "deny (0.60) toward the source; disagree (0.52) with #3", or null for comments without stance. */
export function stanceLine(c: ReportComment, ids: ReadonlyMap<string, number>): string | null {
  const s = c.stance;
  if (!s) return null;
  let line = `${s.toSource.label} (${s.toSource.confidence.toFixed(2)}) toward the source`;
  if (s.toParent) line += `; ${s.toParent.label} (${s.toParent.confidence.toFixed(2)}) with #${(ids.get(s.toParent.parentId) ?? 0) + 1}`;
  return line;
}

export function stanceCues(c: ReportComment): string {
  const s = c.stance;
  if (!s) return '';
  const parts = [cueText(s.toSource.cues)];
  if (s.toParent) parts.push(cueText(s.toParent.cues));
  return parts.filter(Boolean).join(' | ');
}

function nodeLabel(n: ReplyNode, ids: ReadonlyMap<string, number>): string {
  const bits = [`#${n.index + 1} ${n.author}`];
  if (n.toSource) bits.push(n.toSource);
  if (n.toParent && n.parentId) bits.push(`${n.toParent} with #${(ids.get(n.parentId) ?? 0) + 1}`);
  if (n.uncivil) bits.push('UNCIVIL');
  return bits.join(' · ');
}

function linkNote(n: ReplyNode): string {
  return n.link === 'inferred' ? `(inferred ${n.confidence?.toFixed(2) ?? ''}: ${(n.evidence ?? []).join('; ')})` : '';
}

function summaryLines(r: Report): string[] {
  const s = r.threadView.stance;
  const who = (xs: { author: string; indices: number[] }[]) => xs.map((x) => `${x.author} (${x.indices.map((i) => `#${i + 1}`).join(', ')})`).join(', ') || 'nobody';
  return [
    `Stance toward the source: ${s.toSource.support} support, ${s.toSource.deny} deny, ${s.toSource.query} query, ${s.toSource.comment} comment`,
    `Supports: ${who(s.supporters)} · denies: ${who(s.deniers)}`,
    `Stance toward the parent comment: ${s.toParent.agree} agree, ${s.toParent.disagree} disagree, ${s.toParent.neutral} neutral`,
  ];
}

function pairLines(r: Report): string[] {
  return r.threadView.disagreements.map(
    (p) =>
      `${p.authors[0]} ↔ ${p.authors[1]}${p.mutual ? ' (both ways)' : ''}: ` +
      p.exchanges.map((e) => `#${e.index + 1} ${e.author} → #${e.repliesToIndex + 1}${e.stance ? ` ${e.stance}` : ''}${e.uncivil ? ', uncivil' : ''}`).join('; '),
  );
}

export function threadViewText(r: Report): string[] {
  const v = r.threadView;
  const ids = indexOfId(r);
  const out = [`  links: ${v.links.explicit} explicit, ${v.links.inferred} inferred, ${v.links.post} to the post`];
  for (const n of v.tree) {
    const pad = '  '.repeat(n.depth);
    const mark = n.depth === 0 ? '' : n.link === 'inferred' ? '└┄ ' : '└─ ';
    out.push(`    ${pad}${mark}${nodeLabel(n, ids)}${n.link === 'inferred' ? ` ${linkNote(n)}` : ''}`);
  }
  out.push(...summaryLines(r).map((l) => `  ${l}`));
  out.push(v.disagreements.length ? '  Disagreement pairs (where the thread derails):' : '  Disagreement pairs: none');
  out.push(...pairLines(r).map((l) => `    ${l}`));
  return out;
}

export function threadViewMarkdown(r: Report, md: (s: string) => string): string[] {
  const v = r.threadView;
  const ids = indexOfId(r);
  const out = ['## Thread', '', `Links: ${v.links.explicit} explicit, ${v.links.inferred} inferred (marked ┄), ${v.links.post} to the post.`, ''];
  for (const n of v.tree) out.push(`${'  '.repeat(n.depth)}- ${n.link === 'inferred' ? '┄ ' : ''}${md(nodeLabel(n, ids))}${n.link === 'inferred' ? ` *${md(linkNote(n))}*` : ''}`);
  out.push('', ...summaryLines(r).map((l) => `- ${md(l)}`), '');
  out.push('### Disagreement pairs', '');
  if (v.disagreements.length === 0) out.push('None: no pair of participants answered each other with both disagreement and incivility.');
  else out.push(...pairLines(r).map((l) => `- ${md(l)}`));
  out.push('');
  return out;
}

export function threadViewHtml(r: Report, esc: (s: string) => string): string {
  const v = r.threadView;
  const ids = indexOfId(r);
  // Nested lists from the depth-first order (depth grows by at most one per step).
  let html = '';
  let depth = 0;
  v.tree.forEach((n, k) => {
    if (k > 0) {
      if (n.depth > depth) {
        html += '<ul>';
        depth++;
      } else {
        html += '</li>';
        for (; depth > n.depth; depth--) html += '</ul></li>';
      }
    }
    const title = n.link === 'inferred' ? ` title="${esc(linkNote(n))}"` : '';
    html += `<li class="link-${n.link}${n.uncivil ? ' uncivil' : ''}"${title}><a href="#${esc(n.commentId)}">${esc(nodeLabel(n, ids))}</a>${n.link === 'inferred' ? ` <span class="meta">${esc(linkNote(n))}</span>` : ''}`;
  });
  if (v.tree.length) html += '</li>';
  for (; depth > 0; depth--) html += '</ul></li>';
  html = `<ul>${html}</ul>`;
  const pairs = pairLines(r);
  return `<section aria-labelledby="thr"><h2 id="thr">Thread</h2>
<p class="meta">Links: ${v.links.explicit} explicit (solid), ${v.links.inferred} inferred (dashed, with evidence), ${v.links.post} to the post.</p>
<div class="tree">${html}</div>
<ul>${summaryLines(r).map((l) => `<li>${esc(l)}</li>`).join('')}</ul>
<h3>Disagreement pairs</h3>
${pairs.length ? `<ul>${pairs.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '<p>None: no pair of participants answered each other with both disagreement and incivility.</p>'}
</section>`;
}

export const THREAD_VIEW_CSS = `
.tree ul{list-style:none;margin:0;padding-left:1.2rem}.tree>ul{padding-left:0}
.tree li{margin:.15rem 0;padding-left:.4rem}
.tree li.link-explicit{border-left:2px solid #555}.tree li.link-inferred{border-left:2px dashed #1d4ed8}
.tree li.uncivil>a{color:#b91c1c;font-weight:600}
`;

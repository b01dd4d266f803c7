import type { Report } from '../model/index.js';
import { listedFindings } from './listed-findings.js';
import { claimCounts, claimNotes, claimVerdict, countsLine } from './claims.js';
import { indexOfId, stanceCues, stanceLine, threadViewMarkdown } from './render-thread-view.js';

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
const signed = (x: number) => (x > 0 ? '+' : '') + x.toFixed(2);

export function renderMarkdown(r: Report): string {
  const t = r.thread;
  const s = r.summary;
  const out: string[] = [];
  out.push(`# Threadlens report: ${mdEscape(t.title ?? t.sourceFile ?? t.id)}`, '');
  out.push(`- Source: \`${t.sourceFile ?? '-'}\` (${t.format})${t.publishedAt ? `, published ${t.publishedAt}` : ''}`);
  out.push(`- Comments: ${s.commentCount} (${s.liveCount} live${s.declaredCommentCount !== null ? `; header says ${s.declaredCommentCount}` : ''})`);
  if (r.articles.length) out.push(`- Articles: ${r.articles.map((a) => mdEscape(a.title ?? a.id)).join('; ')}`);
  out.push(`- Tone: ${(['hostile', 'negative', 'neutral', 'positive'] as const).map((l) => `${s.tone.counts[l]} ${l}`).join(', ')}; trend **${s.tone.trend}**`);
  out.push('');
  if (r.warnings.length) {
    out.push('## Warnings', '');
    for (const w of r.warnings) out.push(`- \`${w.code}\` ${mdEscape(w.message)}`);
    out.push('');
  }
  out.push('## Needs review', '');
  if (r.review.length === 0) out.push('Nothing flagged.');
  r.review.forEach((e, i) => out.push(`${i + 1}. **Comment ${e.index + 1}** by ${mdEscape(e.author)}: ${e.severity} (priority ${e.priority.toFixed(2)}): ${mdEscape(e.reasons[0] ?? '')}`));
  out.push('', '## Claims', '', countsLine(claimCounts(r)), '');
  if (r.claims.length) {
    out.push('| comment | figure | verdict | evidence |', '|---|---|---|---|');
    for (const c of r.claims) {
      const notes = claimNotes(c).map((n) => mdEscape(n).replace(/\n/g, ' ')).join('<br>');
      out.push(`| ${c.index + 1} (${mdEscape(c.author)}) | “${mdEscape(c.actual)}” | **${claimVerdict(c)}** | ${notes} |`);
    }
  }
  out.push('', '## Participants', '', '| author | comments | flagged | hostile |', '|---|---|---|---|');
  for (const p of s.participants) out.push(`| ${mdEscape(p.author)} | ${p.comments} | ${p.flagged} | ${p.hostile} |`);
  out.push('', ...threadViewMarkdown(r, mdEscape));
  const ids = indexOfId(r);
  out.push('## Comments', '');
  for (const c of r.comments) {
    const inc = c.incivility ? `; incivility **${c.incivility.label}** (${c.incivility.score.toFixed(2)})` : '';
    const tone = c.tone ? `tone **${c.tone.label}** (${signed(c.tone.score)})${inc}` : `*${c.status}*`;
    out.push(`### ${c.index + 1}. ${mdEscape(c.author)}: ${tone}`, '');
    if (c.text) out.push(c.text.split('\n').map((l) => `> ${mdEscape(l)}`).join('\n'), '');
    const stance = stanceLine(c, ids);
    if (stance) out.push(`Stance: **${mdEscape(stance)}**. Cues: ${mdEscape(stanceCues(c))}`, '');
    const shown = listedFindings(c);
    for (const f of shown) out.push(`- \`${f.ruleId}\` ${f.severity} [${f.span.start}–${f.span.end}] “${mdEscape(f.actual)}”: ${mdEscape(f.reason)}`);
    if (shown.length) out.push('');
  }
  return out.join('\n');
}

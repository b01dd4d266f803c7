import type { Report } from '../model/index.js';
import { listedFindings } from './listed-findings.js';
import { claimCounts, claimNotes, claimVerdict, countsLine } from './claims.js';
import { indexOfId, stanceCues, stanceLine, threadViewText } from './render-thread-view.js';

export interface TextOptions {
  color?: boolean;
  /** Characters of each comment to show (the full text is in the JSON/HTML reports). */
  excerpt?: number;
}

/** The terminal summary `threadlens analyze` prints by default. */
export function renderText(r: Report, opts: TextOptions = {}): string {
  const c = palette(opts.color ?? false);
  const excerpt = opts.excerpt ?? 220;
  const t = r.thread;
  const s = r.summary;
  const out: string[] = [];
  out.push(c.bold(`Threadlens: ${t.title ?? t.sourceFile ?? t.id}`));
  out.push(c.dim([t.format, t.publishedAt, t.sourceFile].filter(Boolean).join(' · ')));
  out.push(
    `${s.commentCount} comments${s.declaredCommentCount !== null ? ` (header says ${s.declaredCommentCount})` : ''} · ${r.articles.length} articles · tone: ` +
      (['hostile', 'negative', 'neutral', 'positive'] as const).map((l) => `${s.tone.counts[l]} ${l}`).join(', ') +
      ` · trend: ${s.tone.trend}`,
  );
  for (const w of r.warnings) out.push(c.yellow(`warning [${w.code}]: ${w.message}`));
  out.push('', c.bold('Needs review'));
  if (r.review.length === 0) out.push('  nothing flagged');
  r.review.forEach((e, i) => out.push(`  ${i + 1}. comment ${e.index + 1} (${e.author}) ${sev(c, e.severity)}: ${e.reasons[0] ?? ''}`));
  out.push('', c.bold('Claims'), `  ${countsLine(claimCounts(r))}`);
  for (const cl of r.claims) {
    const verdict = claimVerdict(cl);
    const shown = verdict === 'unsupported' || verdict === 'contradicted' ? c.red(verdict.toUpperCase()) : verdict === 'attributed' ? c.yellow(verdict) : verdict;
    const why = cl.role === 'assertion' ? '' : c.dim(` (${claimNotes(cl).join('; ')})`);
    out.push(`  comment ${cl.index + 1} (${cl.author}) "${cl.actual}": ${shown}${why}`);
    if (cl.role === 'assertion') for (const n of claimNotes(cl)) out.push(c.dim(`     · ${n}`));
  }
  out.push('', c.bold('Thread'), ...threadViewText(r));
  const ids = indexOfId(r);
  out.push('', c.bold('Comments'));
  for (const cm of r.comments) {
    if (!cm.tone) {
      out.push(`  #${cm.index + 1} ${cm.author} · ${c.dim(`[${cm.status}]`)}`);
      continue;
    }
    const label = cm.tone.label === 'hostile' ? c.red('HOSTILE') : cm.tone.label;
    const inc = cm.incivility ? ` · ${cm.incivility.label === 'uncivil' ? c.red('UNCIVIL') : 'civil'} (${cm.incivility.score.toFixed(2)})` : '';
    out.push(`  #${cm.index + 1} ${c.bold(cm.author)} · tone ${label} (${(cm.tone.score > 0 ? '+' : '') + cm.tone.score.toFixed(2)})${inc}`);
    const flat = cm.text.replace(/\s+/g, ' ');
    out.push(c.dim(`     ${flat.length > excerpt ? flat.slice(0, excerpt - 1) + '…' : flat}`));
    const stance = stanceLine(cm, ids);
    if (stance) out.push(`     stance: ${stance} · ${stanceCues(cm)}`);
    for (const f of listedFindings(cm)) out.push(`     ▸ ${f.ruleId} [${f.span.start}-${f.span.end}] "${f.actual}": ${f.reason}`);
  }
  return out.join('\n') + '\n';
}

function sev(c: ReturnType<typeof palette>, s: string): string {
  return s === 'high' ? c.red(s) : s === 'medium' ? c.yellow(s) : s;
}

function palette(on: boolean) {
  const wrap = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), yellow: wrap('33') };
}

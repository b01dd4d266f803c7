import type { Finding, Report, ReportClaim, ReportComment } from '../model/index.js';
import { listedFindings } from './listed-findings.js';
import { claimCounts, claimNotes, claimVerdict, countsLine } from './claims.js';
import { segments } from './spans.js';
import { indexOfId, stanceCues, stanceLine, threadViewHtml, THREAD_VIEW_CSS } from './render-thread-view.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A self-contained HTML page (no scripts, no external assets): flagged spans are <mark>s whose title
 * gives rule and reason on hover, and which can be focused with the keyboard to read the same text.
 */
export function renderHtml(r: Report): string {
  const t = r.thread;
  const title = t.title ?? t.sourceFile ?? t.id;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Threadlens: ${esc(title)}</title>
<style>${REPORT_CSS}</style></head>
<body><main>
${reportBodyHtml(r)}
</main></body></html>
`;
}

/**
 * The report's content without the page around it: the standalone HTML report wraps it, and the web
 * UI's thread page shows it under its own header (styled by REPORT_CSS, served as a stylesheet there).
 */
export function reportBodyHtml(r: Report): string {
  const t = r.thread;
  const title = t.title ?? t.sourceFile ?? t.id;
  const s = r.summary;
  return `<header><h1>${esc(title)}</h1>
<p class="meta">${esc([t.format, t.publishedAt, t.sourceFile].filter(Boolean).join(' · '))}</p></header>
<section aria-labelledby="sum"><h2 id="sum">Summary</h2>
<ul class="cards">
<li><b>${s.commentCount}</b> comments${s.declaredCommentCount !== null && s.declaredCommentCount !== s.commentCount ? ` (header says ${s.declaredCommentCount})` : ''}</li>
<li><b>${s.flaggedCount}</b> need review</li>
<li>tone: ${(['hostile', 'negative', 'neutral', 'positive'] as const).map((l) => `<span class="tl ${l}">${s.tone.counts[l]} ${l}</span>`).join(' ')}</li>
<li>trend: <b>${esc(s.tone.trend)}</b></li>
</ul>
${sparkline(r)}
${r.articles.length ? `<p class="meta">Articles: ${r.articles.map((a) => esc(a.title ?? a.id)).join('; ')}</p>` : ''}
</section>
${r.warnings.length ? `<section aria-labelledby="warn"><h2 id="warn">Warnings</h2><ul>${r.warnings.map((w) => `<li><code>${esc(w.code)}</code> ${esc(w.message)}</li>`).join('')}</ul></section>` : ''}
<section aria-labelledby="rev"><h2 id="rev">Needs review</h2>
${r.review.length === 0 ? '<p>Nothing flagged.</p>' : `<ol>${r.review.map((e) => `<li><a href="#${esc(e.commentId)}">Comment ${e.index + 1} by ${esc(e.author)}</a> <span class="sev ${e.severity}">${e.severity}</span> ${esc(e.reasons[0] ?? '')}</li>`).join('')}</ol>`}
</section>
<section aria-labelledby="claims"><h2 id="claims">Claims</h2>
<p>${esc(countsLine(claimCounts(r)))}</p>
${r.claims.length ? `<table class="claims"><thead><tr><th scope="col">comment</th><th scope="col">figure</th><th scope="col">verdict</th><th scope="col">evidence</th></tr></thead><tbody>${r.claims.map(claimRow).join('')}</tbody></table>` : ''}
</section>
${threadViewHtml(r, esc)}
${participantsHtml(r)}
<section aria-labelledby="com"><h2 id="com">Comments</h2>
${r.comments.map((c) => renderComment(c, indexOfId(r))).join('\n')}
</section>`;
}

function participantsHtml(r: Report): string {
  const ps = r.summary.participants;
  if (!ps.length) return '';
  return `<section aria-labelledby="who"><h2 id="who">Participants</h2>
<table class="claims participants"><thead><tr><th scope="col">author</th><th scope="col">comments</th><th scope="col">flagged</th><th scope="col">hostile</th></tr></thead><tbody>${ps
    .map((p) => `<tr><td>${esc(p.author)}</td><td>${p.comments}</td><td>${p.flagged}</td><td>${p.hostile}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
}

function renderComment(c: ReportComment, ids: ReadonlyMap<string, number>): string {
  const tone = c.tone;
  const head = `<h3>${c.index + 1}. ${esc(c.author)}${c.createdAtRaw ? ` <span class="meta">${esc(c.createdAtRaw)}</span>` : ''}</h3>`;
  if (!tone) return `<article id="${esc(c.id)}" class="comment gone">${head}<p class="meta">[${esc(c.status)}]</p></article>`;
  const marks = [...c.findings, ...tone.findings];
  const body = segments(c.text, marks)
    .map((seg) => {
      const text = esc(c.text.slice(seg.start, seg.end));
      if (seg.findings.length === 0) return text;
      const mod = seg.findings.filter((f) => f.category !== 'tone');
      const label = seg.findings.map((f) => `${f.ruleId}: ${f.reason}`).join('\n');
      const cls = mod.length ? `flag ${worst(mod)}` : 'toneword';
      return `<mark class="${cls}" tabindex="0" title="${esc(label)}" aria-label="${esc(label)}">${text}</mark>`;
    })
    .join('');
  const list = listedFindings(c);
  return `<article id="${esc(c.id)}" class="comment">${head}
<p class="tone">tone <span class="tl ${tone.label}">${tone.label}</span> ${signed(tone.score)}${c.incivility ? ` · incivility <span class="inc ${c.incivility.label}">${c.incivility.label}</span> ${c.incivility.score.toFixed(2)}` : ''}${c.parentId ? ` · replies to <a href="#${esc(c.parentId)}">${esc(c.parentId)}</a>${c.parentSource === 'inferred' ? ' (inferred)' : ''}` : ''}</p>
${stanceLine(c, ids) ? `<p class="stance">stance: ${esc(stanceLine(c, ids)!)} <span class="meta">${esc(stanceCues(c))}</span></p>` : ''}
<div class="text">${body}</div>
${list.length ? `<ul class="findings">${list.map(findingItem).join('')}</ul>` : ''}
</article>`;
}

function claimRow(c: ReportClaim): string {
  const v = claimVerdict(c);
  return `<tr><td><a href="#${esc(c.commentId)}">${c.index + 1}</a> ${esc(c.author)}</td><td>“${esc(c.actual)}”</td><td><span class="verdict ${esc(v)}">${esc(v)}</span></td><td><ul>${claimNotes(c).map((n) => `<li>${esc(n)}</li>`).join('')}</ul></td></tr>`;
}

function findingItem(f: Finding): string {
  return `<li><code>${esc(f.ruleId)}</code> <span class="sev ${f.severity}">${f.severity}</span> “${esc(f.actual)}” <span class="meta">[${f.span.start}–${f.span.end}]</span> ${esc(f.reason)}</li>`;
}

function worst(fs: Finding[]): string {
  return fs.some((f) => f.severity === 'high') ? 'high' : fs.some((f) => f.severity === 'medium') ? 'medium' : 'low';
}

/** Tone over the thread as a small inline SVG line chart (one point per live comment). */
function sparkline(r: Report): string {
  const pts = r.summary.tone.timeline;
  if (pts.length < 2) return '';
  const w = 320;
  const h = 60;
  const x = (i: number) => 10 + (i * (w - 20)) / (pts.length - 1);
  const y = (s: number) => h / 2 - s * (h / 2 - 6);
  const path = pts.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.score).toFixed(1)}`).join(' ');
  const dots = pts
    .map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.score).toFixed(1)}" r="3.5" class="${p.label}"><title>comment ${p.index + 1}: ${p.label} ${signed(p.score)}</title></circle>`)
    .join('');
  return `<figure><svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="Tone by comment, from first to last">
<line x1="0" x2="${w}" y1="${h / 2}" y2="${h / 2}" class="axis"/><path d="${path}" class="line"/>${dots}</svg>
<figcaption>Tone by comment (above the line: positive; below: negative)</figcaption></figure>`;
}

const signed = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2);

const BASE_CSS = `
body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fafafa;margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:.2rem 0}
.meta{color:#555;font-size:.9rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap;list-style:none;padding:0}.cards li{background:#fff;border:1px solid #ddd;padding:.4rem .7rem;border-radius:6px}
.comment{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
.comment.gone{opacity:.7}
.text{white-space:pre-wrap}
mark.flag{background:#ffe08a;border-bottom:2px solid #b45309;padding:0 1px}
mark.flag.high{background:#fecaca;border-bottom-color:#b91c1c}
mark.toneword{background:none;border-bottom:2px dotted #6b7280}
mark:focus{outline:2px solid #1d4ed8}
.tl{padding:0 .35rem;border-radius:4px;font-size:.85rem}
.tl.hostile{background:#7f1d1d;color:#fff}.tl.negative{background:#fde68a}.tl.neutral{background:#e5e7eb}.tl.positive{background:#bbf7d0}
.inc{padding:0 .35rem;border-radius:4px;font-size:.85rem;background:#e5e7eb}.inc.uncivil{background:#b91c1c;color:#fff}
.sev{font-size:.75rem;text-transform:uppercase;padding:0 .3rem;border-radius:3px;background:#e5e7eb}
.sev.high{background:#b91c1c;color:#fff}.sev.medium{background:#f59e0b}
.findings{font-size:.9rem;margin:.4rem 0 0 1rem;padding:0}
svg .axis{stroke:#bbb}svg .line{fill:none;stroke:#555;stroke-width:1.5}
svg circle.hostile{fill:#7f1d1d}svg circle.negative{fill:#d97706}svg circle.neutral{fill:#6b7280}svg circle.positive{fill:#15803d}
figure{margin:.5rem 0}figcaption{font-size:.8rem;color:#555}
table.claims{border-collapse:collapse;width:100%;font-size:.9rem;background:#fff}
table.claims th,table.claims td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
table.claims ul{margin:0;padding-left:1rem}
.verdict{padding:0 .35rem;border-radius:4px;background:#e5e7eb}
.verdict.unsupported,.verdict.contradicted{background:#b91c1c;color:#fff}.verdict.attributed{background:#fde68a}.verdict.corroborated{background:#bbf7d0}
`;

/** Every style the report body needs (the standalone page inlines it; the web UI serves it as report.css). */
export const REPORT_CSS = BASE_CSS + THREAD_VIEW_CSS;

import type { Article } from '../model/index.js';
import { findDisplayDate, isDateLine } from '../text/dates.js';
import { isChromeLine, isPhotoCredit } from './clean-text.js';
import { InputError } from './errors.js';
import type { InputDocument } from './read-input.js';

/**
 * A plain-text capture of a news article → Article {title, date, body} with page chrome removed.
 * Title: the first substantial line that is not chrome. Date: the first display date in the first
 * lines (datelines, bylines such as "By Ryan Browne, CNN – August 4, 2017"). Body: the remaining
 * paragraphs without newsletter boxes, ad labels and photo credits, joined by blank lines, so
 * corroboration can cite offsets into it.
 */
export function parseArticleText(doc: InputDocument, id: string): Article {
  const lines = doc.text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isChromeLine(line) || isPhotoCredit(line)) continue;
    // A caption line immediately followed by its own credit line ("X" then "X / AP"): drop both.
    const next = nextNonEmpty(lines, i + 1);
    if (next !== null && line.trim().length > 0 && isPhotoCredit(next) && next.trim().startsWith(line.trim())) continue;
    kept.push(line);
  }
  const paras = kept
    .join('\n')
    .split(/\n\s*\n|\n(?=\S)/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paras.length === 0) {
    throw new InputError('empty-article', doc.name, 'no article text found (the file is empty or only page chrome)');
  }
  const title = paras.shift()!;
  let date: string | null = null;
  for (let i = 0; i < Math.min(paras.length, 6); i++) {
    const p = paras[i]!;
    const d = p.length < 200 ? findDisplayDate(p) : null;
    if (!d) continue;
    date = d.date;
    // A dateline on its own is metadata, not article text.
    if (isDateLine(p)) paras.splice(i, 1);
    break;
  }
  return { id, title, date, body: paras.join('\n\n'), sourceFile: doc.name };
}

function nextNonEmpty(lines: string[], from: number): string | null {
  for (let i = from; i < lines.length; i++) if (lines[i]!.trim()) return lines[i]!;
  return null;
}

import type { ChildNode } from 'domhandler';
import { decodeHTML } from 'entities';
import { parseDocument } from 'htmlparser2';

/*
 * Comment bodies arrive as HTML (Disqus, WordPress, HN, Discourse, Blogger, Reddit body_html). The
 * analyzers need plain text whose character offsets a moderator can trust, so markup becomes line
 * structure (paragraphs, line breaks, list items) and entities are decoded by the HTML parser exactly
 * once. Callers that hold an *escaped* HTML string (Reddit's body_html, Blogger feed content) decode
 * that outer layer first with `decodeEntities`, then call `htmlToText`: one decode per layer.
 */

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tr', 'ul', 'details', 'summary',
]);
/** Paragraph-like blocks are separated by a blank line; other blocks by a line break. */
const PARAGRAPH = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg']);

/** Decode HTML entities once (for text that is escaped but is not markup, or an escaped HTML layer). */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

export interface HtmlTextOptions {
  /**
   * Keep newlines in text as line breaks (WordPress displays a comment's raw newlines as `<br>` /
   * paragraphs); by default they are whitespace, as in a browser.
   */
  keepNewlines?: boolean;
}

/** HTML fragment → plain text: paragraphs as blank lines, `<br>` as a newline, whitespace collapsed. */
export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  const space = options.keepNewlines ? /[^\S\n]+/g : /\s+/g;
  if (!/[<&]/.test(html)) return tidy(html.replace(options.keepNewlines ? space : /[^\S\n]+/g, ' '));
  const doc = parseDocument(html, { decodeEntities: true });
  const out: string[] = [];
  walk(doc.children, out, false, space);
  return tidy(out.join(''));
}

/** Plain text of already-parsed nodes (used by the Blogger page parser on its DOM). */
export function nodesToText(nodes: readonly ChildNode[]): string {
  const out: string[] = [];
  walk(nodes, out, false, /\s+/g);
  return tidy(out.join(''));
}

// Block boundaries are sentinels until the end so that adjacent ones merge (</li><li> is one break).
const LINE_BREAK = '\u0000L';
const PARA_BREAK = '\u0000P';

function pushBreak(out: string[], sep: string): void {
  // Whitespace between two blocks is not text.
  let i = out.length - 1;
  while (i >= 0 && out[i] !== LINE_BREAK && out[i] !== PARA_BREAK && /^[^\S\n]*$/.test(out[i]!)) i--;
  if (i >= 0 && (out[i] === LINE_BREAK || out[i] === PARA_BREAK)) {
    out.length = i + 1;
    if (sep === PARA_BREAK) out[i] = PARA_BREAK;
    return;
  }
  out.push(sep);
}

function walk(nodes: readonly ChildNode[], out: string[], pre: boolean, space: RegExp): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      const data = n.data.includes('\0') ? n.data.replaceAll('\0', '') : n.data; // NUL is the break sentinel
      out.push(pre ? data : data.replace(space, ' '));
    } else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const name = n.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        out.push('\n');
        continue;
      }
      const block = BLOCK.has(name);
      const sep = PARAGRAPH.has(name) ? PARA_BREAK : LINE_BREAK;
      if (block) pushBreak(out, sep);
      walk(n.children, out, pre || name === 'pre', space);
      if (block) pushBreak(out, sep);
    } else if (n.type === 'cdata') {
      walk(n.children, out, pre, space);
    }
  }
}

/** Trim spaces at line ends, at most one blank line in a row, no leading/trailing blank lines. */
function tidy(s: string): string {
  return s
    .replaceAll(PARA_BREAK, '\n\n')
    .replaceAll(LINE_BREAK, '\n')
    .replace(/\u00a0/g, ' ')
    // Collapsed inline whitespace leaves at most one space beside a break; <pre> indentation survives.
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n (?! )/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s*\n/, '')
    .replace(/^ (?! )/, '')
    .replace(/\s+$/, '');
}

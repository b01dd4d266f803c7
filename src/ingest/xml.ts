import { Parser } from 'htmlparser2';
import type { Warning } from '../model/index.js';
import { InputError } from './errors.js';
import type { InputDocument } from './read-input.js';

/*
 * A small element tree over htmlparser2's XML mode. Why this parser: real exports are often not
 * well-formed (a stray byte before `<?xml`, an unquoted attribute, an undeclared namespace prefix),
 * and a strict parser would refuse a whole export for one bad post. htmlparser2 never processes a
 * DTD, so entity expansion (billion laughs) and external entities (XXE) cannot happen: an undeclared
 * `&name;` stays literal text. On top of that, a document that *declares* entities is refused outright,
 * a document that ends inside an element is refused as truncated, and every repair the tolerant parser
 * makes mid-document is reported as a warning with its line.
 */

export interface XmlElement {
  /** Qualified name as written (`wp:comment`); match with `local()`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** 1-based line of the start tag. */
  line: number;
}
export type XmlNode = XmlElement | string;

export interface XmlTree {
  root: XmlElement;
  warnings: Warning[];
}

interface Open extends XmlElement {
  /** `<x a=1/>`: an unquoted value swallowed the `/`; children go to the parent instead. */
  selfClosed?: boolean;
}

/** Parse an XML document into a tree; refuses entity declarations and truncated documents. */
export function parseXml(doc: InputDocument): XmlTree {
  const warnings: Warning[] = [];
  const start = doc.text.indexOf('<');
  if (start === -1) throw new InputError('not-xml', doc.name, 'no XML element found');
  const junk = doc.text.slice(0, start);
  if (junk.trim()) warnings.push({ code: 'junk-before-xml', message: `${junk.length} character(s) before the XML declaration were ignored`, where: 'line 1' });
  const text = ' '.repeat(start) + doc.text.slice(start); // keep offsets, and so line numbers, exact
  const lines = lineStarts(text);
  const lineAt = (offset: number) => lineOf(lines, offset);

  const top: Open = { name: '#document', attrs: {}, children: [], line: 1 };
  const stack: Open[] = [top];
  let unquoted: string[] = [];
  let ending = false;
  const target = (): Open => {
    for (let i = stack.length - 1; i > 0; i--) if (!stack[i]!.selfClosed) return stack[i]!;
    return top;
  };
  const parser = new Parser(
    {
      onattribute(name, value, quote) {
        if (quote === undefined || quote === null) unquoted.push(name);
        void value;
      },
      onopentag(name, attribs) {
        const el: Open = { name, attrs: { ...attribs }, children: [], line: lineAt(parser.startIndex) };
        for (const a of unquoted) {
          const v = el.attrs[a] ?? '';
          if (v.endsWith('/')) {
            el.attrs[a] = v.slice(0, -1);
            el.selfClosed = true;
          }
          warnings.push({ code: 'malformed-xml', message: `<${name}> attribute ${a} is not quoted; read as "${el.attrs[a]}"`, where: `line ${el.line}` });
        }
        unquoted = [];
        target().children.push(el);
        stack.push(el);
      },
      onclosetag(name, isImplied) {
        const el = stack.pop();
        if (!el || el === top) return;
        if (isImplied && ending) {
          throw new InputError('truncated-xml', doc.name, `the file ends inside <${el.name}> (opened at line ${el.line}); it looks truncated`, `line ${lines.length}`);
        }
        // A self-closing tag (`<id/>`) also arrives as an implied close; it ends in "/>".
        const selfClosing = text[parser.endIndex] === '>' && text[parser.endIndex - 1] === '/';
        if (isImplied && !el.selfClosed && !selfClosing) {
          warnings.push({ code: 'malformed-xml', message: `<${el.name}> was not closed before </${stack.at(-1)?.name ?? name}>; closed there`, where: `line ${el.line}` });
        }
      },
      ontext(data) {
        target().children.push(data);
      },
      onprocessinginstruction(name, data) {
        const n = name.toLowerCase();
        // An internal DTD subset (`<!DOCTYPE x [ ... ]>`) is where entities are declared.
        if (n === '!entity' || (n === '!doctype' && data.includes('['))) {
          throw new InputError(
            'xml-entities',
            doc.name,
            'the XML declares entities (a DOCTYPE with <!ENTITY ...>); Threadlens never expands XML entities (entity-expansion and external-entity attacks), remove the DOCTYPE',
            `line ${lineAt(parser.startIndex)}`,
          );
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  ending = true;
  parser.end();
  const root = top.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root) throw new InputError('not-xml', doc.name, 'no XML element found');
  return { root, warnings };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// ---- navigation helpers (names are matched without their namespace prefix) ----

export function local(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || local(c.name) === name)) out.push(c);
  return out;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of el.children) if (typeof c !== 'string' && local(c.name) === name) return c;
  return undefined;
}

/** The element's own text (text and CDATA children, joined, trimmed); nested elements are skipped. */
export function textOf(el: XmlElement | undefined): string | null {
  if (!el) return null;
  let s = '';
  for (const c of el.children) if (typeof c === 'string') s += c;
  return s.trim();
}

/** Text of the first child element with this local name, or null when absent. */
export function childText(el: XmlElement, name: string): string | null {
  return textOf(child(el, name));
}

/** Attribute by local name (`dsq:id` matches "id"). */
export function attr(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  if (el.attrs[name] !== undefined) return el.attrs[name];
  for (const [k, v] of Object.entries(el.attrs)) if (local(k) === name) return v;
  return undefined;
}

// ---- sniffing and memoised parsing ----

const trees = new WeakMap<InputDocument, XmlTree>();

/** Parse once per document however many XML formats look at it. */
export function xmlOf(doc: InputDocument): XmlTree {
  let t = trees.get(doc);
  if (!t) trees.set(doc, (t = parseXml(doc)));
  return t;
}

/**
 * The root element's name and the text up to its start tag's end (where namespaces are declared),
 * skipping junk, the XML declaration, comments and a DOCTYPE. Cheap: reads only the document head.
 */
export function xmlHead(doc: InputDocument): { root: string; startTag: string } | null {
  if (doc.files) return null;
  const t = doc.text;
  let i = t.indexOf('<');
  while (i !== -1 && i < 65536) {
    if (t.startsWith('<?', i)) i = t.indexOf('?>', i) + 2;
    else if (t.startsWith('<!--', i)) i = t.indexOf('-->', i) + 3;
    else if (t.startsWith('<!', i)) i = t.indexOf('>', i) + 1;
    else {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(t.slice(i, i + 200));
      if (!m) return null;
      const end = t.indexOf('>', i);
      return { root: m[1]!, startTag: t.slice(i, end === -1 ? i + 4096 : end + 1) };
    }
    if (i < 3) return null; // an unterminated declaration or comment (indexOf gave -1)
    i = t.indexOf('<', i);
  }
  return null;
}

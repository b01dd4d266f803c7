import type { Span } from '../model/index.js';
import { tokenize, type Token } from '../text/index.js';
import lexicon from './lexicons/stance-cues.json' with { type: 'json' };

export const CUE_GROUPS = ['deny', 'support', 'query', 'agree', 'disagree', 'hedge', 'negation'] as const;
export type CueGroup = (typeof CUE_GROUPS)[number];

export interface CompiledCue {
  keys: string[];
  group: CueGroup;
  /** 1 << index of the group, to track matched groups in a bit mask. */
  bit: number;
  phrase: string;
}

// Same key scheme as the n-gram features (features.ts tokenKey), written out here to avoid an import
// cycle: words by lower-case form, '?' and '!' as themselves.
function cueKey(t: Token): string | null {
  if (t.kind === 'word') return t.norm;
  if (t.kind === 'punct' && t.text.includes('?')) return '?';
  if (t.kind === 'punct' && t.text[0] === '!') return '!';
  return null;
}

/** Cue phrases indexed by their first key, longest first, compiled once at module load. */
export const BY_FIRST: ReadonlyMap<string, CompiledCue[]> = (() => {
  const m = new Map<string, CompiledCue[]>();
  for (const e of lexicon.entries) {
    if (!(CUE_GROUPS as readonly string[]).includes(e.group)) throw new Error(`stance-cues.json: unknown group "${e.group}" for "${e.phrase}"`);
    const keys = tokenize(e.phrase).map(cueKey).filter((k): k is string => k !== null);
    const list = m.get(keys[0]!) ?? [];
    list.push({ keys, group: e.group as CueGroup, bit: 1 << CUE_GROUPS.indexOf(e.group as CueGroup), phrase: e.phrase });
    list.sort((a, b) => b.keys.length - a.keys.length);
    m.set(keys[0]!, list);
  }
  return m;
})();

export interface CueMatch {
  group: CueGroup;
  phrase: string;
  span: Span;
}

/**
 * Cue phrases from `cues` (all starting with key i) that match at token i: at most one per group, the
 * longest first. Matches are appended to `hits`, their spans to `pos` as start/end pairs (no allocation
 * per match: this runs on every comment).
 */
export function cuesAt(cues: readonly CompiledCue[], keys: readonly (string | null)[], tokens: readonly Token[], i: number, hits: CompiledCue[], pos: number[]): void {
  let done = 0;
  for (const c of cues) {
    if (done & c.bit || i + c.keys.length > keys.length) continue;
    let ok = true;
    for (let j = 1; j < c.keys.length && ok; j++) ok = keys[i + j] === c.keys[j];
    if (!ok) continue;
    done |= c.bit;
    hits.push(c);
    pos.push(tokens[i]!.start, tokens[i + c.keys.length - 1]!.end);
  }
}

/** Every cue phrase in a token stream, as objects (tests and tools; features.ts calls cuesAt itself). */
export function listCues(keys: readonly (string | null)[], tokens: readonly Token[]): CueMatch[] {
  const hits: CompiledCue[] = [];
  const pos: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const cands = keys[i] ? BY_FIRST.get(keys[i]!) : undefined;
    if (cands) cuesAt(cands, keys, tokens, i, hits, pos);
  }
  return hits.map((c, k) => ({ group: c.group, phrase: c.phrase, span: { start: pos[2 * k]!, end: pos[2 * k + 1]! } }));
}

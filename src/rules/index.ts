import type { Finding } from '../model/index.js';
import type { PreparedText } from '../text/index.js';
import aspersion from './aspersion.js';
import dismissiveImperative from './dismissive-imperative.js';
import drugInsinuation from './drug-insinuation.js';
import groupGeneralisation from './group-generalisation.js';
import identityAttack from './identity-attack.js';
import lyingAccusation from './lying-accusation.js';
import mockery from './mockery.js';
import nameCalling from './name-calling.js';
import pejorativeSpeech from './pejorative-speech.js';
import threat from './threat.js';
import type { Rule, RuleCheck, RuleContext, RuleOptions } from './types.js';
import vulgarity from './vulgarity.js';

export * from './types.js';

/** Every incivility rule, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  nameCalling,
  aspersion,
  lyingAccusation,
  vulgarity,
  pejorativeSpeech,
  threat,
  identityAttack,
  mockery,
  drugInsinuation,
  dismissiveImperative,
  groupGeneralisation,
] as Rule[];

/** Per-rule option overrides; `false` turns a rule off. */
export type RuleSettings = Readonly<Record<string, RuleOptions | false>>;

/** Build the checks once (ESLint's create step), then run them on many comments. */
export function createRules(settings: RuleSettings = {}): { id: string; check: RuleCheck }[] {
  const out: { id: string; check: RuleCheck }[] = [];
  for (const r of RULES) {
    const s = settings[r.meta.id];
    if (s === false) continue;
    out.push({ id: r.meta.id, check: r.create({ ...r.meta.defaultOptions, ...(s ?? {}) }) });
  }
  return out;
}

export function runRules(checks: readonly { check: RuleCheck }[], p: PreparedText, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const c of checks) for (const f of c.check(p, ctx)) out.push(f);
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

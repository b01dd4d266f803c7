import type { Finding, Severity } from '../model/index.js';
import type { PreparedText } from '../text/index.js';

/** What a rule may know about the thread around the comment. Read-only; rules never do I/O. */
export interface RuleContext {
  /** The comment this one answers (explicit or inferred parent, else the previous comment), prepared. */
  readonly parent: PreparedText | null;
  readonly parentAuthor: string | null;
  /** Lower-cased names of everyone who has written in the thread (to spot "Jay, you ..."). */
  readonly participants: ReadonlySet<string>;
  /** True when the comment answers someone (a reply, or any comment after the first in a flat thread). */
  readonly isReply: boolean;
}

export const EMPTY_CONTEXT: RuleContext = { parent: null, parentAuthor: null, participants: new Set(), isReply: false };

export type RuleOptions = Readonly<Record<string, unknown>>;

export interface RuleMeta<O extends RuleOptions = RuleOptions> {
  /** Kebab-case; the `ruleId` of every finding the rule makes. */
  id: string;
  category: 'incivility';
  /** One line for the rules table and `--help`. */
  description: string;
  defaultOptions: O;
  /** Path of the rule's page, relative to the repository root. */
  docs: string;
}

/** A pure, synchronous check over one prepared comment (ESLint's `create()` result). */
export type RuleCheck = (p: PreparedText, ctx: RuleContext) => Finding[];

export interface Rule<O extends RuleOptions = RuleOptions> {
  meta: RuleMeta<O>;
  create(options: O): RuleCheck;
}

/** Finding scores by severity: the combiner reads them as the probability the words are uncivil. */
export const SEVERITY_SCORE: Record<Severity, number> = { high: 0.9, medium: 0.65, low: 0.25 };

/** Helper so each rule file states its option type once. */
export function defineRule<O extends RuleOptions>(rule: Rule<O>): Rule<O> {
  return rule;
}

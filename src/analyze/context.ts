import type { Article, IncivilityResult, StanceResult, Thread, ToneResult, Warning } from '../model/index.js';
import type { ReplyLink } from '../thread/reply-inference.js';
import type { PreparedText } from '../text/index.js';
import type { CommentClaims } from './phases/claims.js';

export interface AnalysisOptions {
  /** Reserved for analyzer thresholds; every option has a documented default. */
  readonly [key: string]: unknown;
  /** Incivility label threshold, 0..1 (default: chosen on dev data, README "Threshold"). */
  readonly incivilityThreshold?: number;
}

/** What the thread's source material (post + articles) contributes to every comment's analysis. */
export interface SourceView {
  /** The post and articles, prepared once. */
  post: PreparedText | null;
  articles: { article: Article; prepared: PreparedText }[];
  /** Lower-cased words used by the post or any article: the thread's topic vocabulary. */
  vocabulary: ReadonlySet<string>;
}

/**
 * The slots phases fill, in pipeline order. A phase reads earlier slots and returns its own; it never
 * writes another phase's slot.
 */
export interface Slots {
  source: SourceView;
  /** One entry per comment; null for comments that are not live. */
  prepared: (PreparedText | null)[];
  /** Who answers whom: explicit links as given, inferred ones for flat threads (one per comment). */
  replies: ReplyLink[];
  tone: (ToneResult | null)[];
  /** Rules + learned model per comment; null for comments that are not live. */
  incivility: (IncivilityResult | null)[];
  /** Numbers in each comment with role, support status and claim findings; null for comments that are not live. */
  claims: (CommentClaims | null)[];
  /** Stance toward the source and toward the parent comment; null for comments that are not live. */
  stance: (StanceResult | null)[];
}

export interface AnalysisContext extends Partial<Slots> {
  /** The thread; after the `replies` phase it carries the inferred reply links. */
  thread: Thread;
  readonly articles: readonly Article[];
  readonly options: AnalysisOptions;
  readonly warnings: Warning[];
}

/** Read a slot an earlier phase must have filled (a missing one is a pipeline-order bug). */
export function need<K extends keyof Slots>(ctx: AnalysisContext, slot: K): Slots[K] {
  const v = ctx[slot];
  if (v === undefined) throw new Error(`analysis phase order: slot "${slot}" read before it was filled`);
  return v as Slots[K];
}

import type { Article, Claim, Finding, IncivilityResult, StanceResult, Thread, ToneResult, Warning } from '../model/index.js';
import { applyReplyLinks } from '../thread/reply-inference.js';
import type { AnalysisContext, AnalysisOptions, Slots } from './context.js';
import { claimsPhase } from './phases/claims.js';
import { incivilityPhase } from './phases/incivility.js';
import { prepareComments, prepareSource } from './phases/prepare.js';
import { repliesPhase } from './phases/replies.js';
import { stancePhase } from './phases/stance.js';
import { tonePhase } from './phases/tone.js';

interface Phase<K extends keyof Slots> {
  slot: K;
  run(ctx: AnalysisContext): Slots[K];
}
const phase = <K extends keyof Slots>(slot: K, run: (ctx: AnalysisContext) => Slots[K]): Phase<K> => ({ slot, run });

/**
 * The analysis, as an ordered list of phases (Coral's pipeline shape). Each phase reads the slots of
 * the phases above it and fills its own. Everything here is synchronous and pure: no I/O, so the same
 * function runs in the CLI, in the API's in-process driver and in queue workers.
 */
export const PHASES = [
  // 1. Shared text work, once: tokens/sentences per comment; the post and articles with their vocabulary.
  phase('source', prepareSource),
  phase('prepared', prepareComments),
  // 2. Who answers whom: explicit parents kept, flat threads get inferred links with evidence (reuses
  //     the prepared tokens); every later phase can see the reply tree.
  phase('replies', repliesPhase),
  // 3. Tone: AFINN corrected for topic words and ridicule; needs the source vocabulary.
  phase('tone', tonePhase),
  // 4. Incivility: rules (with thread participants and the parent as context) + the learned model.
  phase('incivility', incivilityPhase),
  // 5. Numeric claims: the articles' numbers indexed once; each comment's numbers get a role, the
  //    assertions a status (corroborated / contradicted / attributed / unsupported) and findings.
  phase('claims', claimsPhase),
  // 6. Stance toward the source (support/deny/query/comment) and toward the parent (agree/disagree/
  //    neutral): learned weights plus cue words; reads replies and tone.
  phase('stance', stancePhase),
] as const;

export interface CommentResult {
  tone: ToneResult | null;
  incivility: IncivilityResult | null;
  /** Stance toward the source and the parent comment; null for comments that are not live. */
  stance: StanceResult | null;
  /** Moderation findings from every analyzer except tone, ordered by position. */
  findings: Finding[];
  /** Every number in the comment with its role and, for assertions, status and evidence. */
  claims: Claim[];
}

export interface ThreadAnalysis {
  thread: Thread;
  articles: readonly Article[];
  comments: CommentResult[];
  warnings: Warning[];
}

export interface AnalyzeInput {
  thread: Thread;
  articles?: readonly Article[];
  options?: AnalysisOptions;
}

export function analyzeThread(input: AnalyzeInput): ThreadAnalysis {
  const ctx: AnalysisContext = {
    thread: input.thread,
    articles: input.articles ?? [],
    options: input.options ?? {},
    warnings: [...input.thread.thread.warnings],
  };
  for (const p of PHASES) {
    (ctx as Partial<Slots>)[p.slot] = p.run(ctx) as never;
    // From here on every phase sees who answers whom: inferred links are written into the thread.
    if (p.slot === 'replies') ctx.thread = applyReplyLinks(ctx.thread, ctx.replies!);
  }
  const tone = ctx.tone!;
  const incivility = ctx.incivility!;
  const claims = ctx.claims!;
  const stance = ctx.stance!;
  return {
    // The thread as analyzed, with its inferred reply links.
    thread: ctx.thread,
    articles: ctx.articles,
    comments: ctx.thread.comments.map((_, i) => ({
      tone: tone[i] ?? null,
      incivility: incivility[i] ?? null,
      stance: stance[i] ?? null,
      findings: [...(incivility[i]?.findings ?? []), ...(claims[i]?.findings ?? [])],
      claims: claims[i]?.claims ?? [],
    })),
    warnings: ctx.warnings,
  };
}

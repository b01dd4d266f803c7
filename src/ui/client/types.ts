// Only types: the API's own schemas (esbuild drops these imports from the bundle).
export type { Decision, DecisionAction, Report, ReviewFinding, ReviewItem, ReviewItemDetail, ThreadSummary } from '../../model/index.js';
export type { Me, ReviewContext } from '../../api/schemas.js';

export { analyzeThread, PHASES, type ThreadAnalysis, type CommentResult, type AnalyzeInput } from './pipeline.js';
export { analyzeSingle } from './single.js';
export { analyzeFile, type AnalyzeFileOptions } from './run.js';
export { findingAt } from './finding-at.js';
export type { AnalysisOptions } from './context.js';

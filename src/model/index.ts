// The one source of truth for data shapes: each schema is a runtime validator, a TypeScript type
// (via Static<>) and, for the API, a JSON Schema document.
export * from './finding.js';
export * from './comment.js';
export * from './thread.js';
export * from './article.js';
export * from './tone.js';
export * from './report.js';
export { makeChecker, type SchemaProblem } from './validate.js';
export * from './score.js';
export * from './incivility.js';
export * from './claim.js';
export * from './stance.js';
export * from './thread-view.js';
export * from './access.js';
export * from './review.js';
export * from './thread-status.js';

export { InputError, isInputError } from './errors.js';
export { readInputFile, readInputPath, decodeInput, DEFAULT_MAX_INPUT_BYTES, type InputDocument } from './read-input.js';
export { parseThread, parseThreads, sniffFormat, findFormat, formatNames, FORMATS } from './registry.js';
export { DEFAULT_MAX_COMMENTS, type ThreadFormat, type ParseOptions } from './format.js';
export { parseArticleText } from './article-text.js';
export { checkIntegrity } from './integrity.js';

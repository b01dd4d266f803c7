/**
 * `npm run train:stance [-- --data <dir>] [--out <file>]`: fit the two stance models and write
 * src/stance/model/stance-model.json with its provenance (sources, licences, data hashes, command,
 * hyper-parameters, date). Deterministic: the same data gives the same file (apart from the date).
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildModelFile, MODEL_PATH } from '../model-build.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: '../shared/data' }, out: { type: 'string', default: MODEL_PATH } } });
const { file, text } = await buildModelFile(resolve(values.data!));
await writeFile(resolve(values.out!), text);
process.stdout.write(
  `wrote ${values.out}: ${file.unigrams.length} unigrams, ${file.bigrams.length} bigrams, ` +
    `${file.toSource.weights.length} + ${file.toParent.weights.length} weight rows\n`,
);

import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArticleText } from '../ingest/article-text.js';
import { InputError } from '../ingest/errors.js';
import { readInputFile } from '../ingest/read-input.js';
import type { Article } from '../model/index.js';

const ARTICLE_EXTENSIONS = new Set(['.txt', '.text', '.md']);

/**
 * Load plain-text articles from files and directories (a directory contributes its .txt/.md files,
 * sorted by name, not recursively). The article id is the file name without its extension.
 */
export async function loadArticles(paths: readonly string[], maxBytes?: number): Promise<Article[]> {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch (e) {
      throw new InputError('unreadable', p, `cannot read articles: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => ARTICLE_EXTENSIONS.has(extname(n).toLowerCase()) && !/^readme\./i.test(n)).sort();
      if (names.length === 0) throw new InputError('no-articles', p, 'directory has no .txt or .md article files');
      files.push(...names.map((n) => join(p, n)));
    } else {
      files.push(p);
    }
  }
  const articles: Article[] = [];
  const ids = new Set<string>();
  for (const f of files) {
    const id = basename(f, extname(f));
    if (ids.has(id)) throw new InputError('duplicate-article', f, `another article already has the id "${id}" (article ids are file names)`);
    ids.add(id);
    articles.push(parseArticleText(await readInputFile(f, maxBytes), id));
  }
  return articles;
}

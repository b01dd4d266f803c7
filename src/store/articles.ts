import { createHash } from 'node:crypto';
import type { Article } from '../model/index.js';
import type { Db } from './db.js';
import { ConflictError, NotFoundError } from './errors.js';

export interface SavedArticle {
  id: string;
  title: string | null;
  date: string | null;
  /** False when the same article (same id and body) was already stored. */
  created: boolean;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * The article corpus. Articles are insert-only: analyses record which article bodies they were run
 * against (in the analysis key), so an id must keep meaning the same text.
 */
export class ArticleRepo {
  constructor(private readonly db: Db) {}

  async add(articles: readonly Article[]): Promise<SavedArticle[]> {
    return this.db.transaction(async (tx) => {
      const out: SavedArticle[] = [];
      for (const a of articles) {
        const hash = sha(a.body);
        const ins = await tx.query(
          `INSERT INTO articles (id, title, date, url, source_file, body, body_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [a.id, a.title, a.date, a.url ?? null, a.sourceFile ?? null, a.body, hash],
        );
        if (ins.length === 0) {
          const [row] = await tx.query<{ body_sha256: string }>('SELECT body_sha256 FROM articles WHERE id = $1', [a.id]);
          if (row && row.body_sha256 !== hash) {
            throw new ConflictError('article-conflict', `article "${a.id}" is already stored with a different text; articles are never replaced: use another id`, {
              articleId: a.id,
            });
          }
        }
        out.push({ id: a.id, title: a.title, date: a.date, created: ins.length > 0 });
      }
      return out;
    });
  }

  /** The articles with these ids, in the given order; every id must exist. */
  async get(ids: readonly string[]): Promise<Article[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ id: string; title: string | null; date: string | null; url: string | null; source_file: string | null; body: string }>(
      'SELECT id, title, date, url, source_file, body FROM articles WHERE id = ANY($1::text[])',
      [[...ids]],
    );
    const byId = new Map(rows.map((r) => [r.id, r] as const));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new NotFoundError('article-not-found', `no stored article with id ${missing.map((m) => `"${m}"`).join(', ')} (add it with POST /v1/articles first)`, {
        missing,
      });
    }
    return ids.map((id) => {
      const r = byId.get(id)!;
      return { id: r.id, title: r.title, date: r.date, body: r.body, sourceFile: r.source_file, url: r.url };
    });
  }
}

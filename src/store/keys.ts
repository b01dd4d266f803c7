import { createHash, randomBytes } from 'node:crypto';
import type { ApiKeyInfo, Role } from '../model/index.js';
import type { Db } from './db.js';

export interface VerifiedKey {
  id: string;
  name: string;
  role: Role;
}

/** The secret shown to the user once: a prefix that makes leaked keys greppable, then 256 random bits. */
const KEY_PREFIX = 'tlk_';

/**
 * Keys are 256-bit random secrets, so a plain SHA-256 is enough to store them: a slow password hash
 * (scrypt, argon2) protects low-entropy passwords against guessing and would only add latency to every
 * request here.
 */
export const hashKey = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export class KeyRepo {
  constructor(private readonly db: Db) {}

  /** Create a key; returns the secret (not stored anywhere) and what is stored about it. */
  async create(role: Role, name: string): Promise<{ secret: string; info: ApiKeyInfo }> {
    const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
    const id = 'key_' + randomBytes(6).toString('hex');
    const [row] = await this.db.query<{ created_at: string }>(
      'INSERT INTO api_keys (id, name, role, key_hash) VALUES ($1, $2, $3, $4) RETURNING created_at',
      [id, name, role, hashKey(secret)],
    );
    return { secret, info: { id, name, role, createdAt: row!.created_at } };
  }

  async verify(secret: string): Promise<VerifiedKey | null> {
    if (!secret.startsWith(KEY_PREFIX)) return null;
    const [row] = await this.db.query<VerifiedKey>('SELECT id, name, role FROM api_keys WHERE key_hash = $1', [hashKey(secret)]);
    return row ?? null;
  }

  async list(): Promise<ApiKeyInfo[]> {
    const rows = await this.db.query<{ id: string; name: string; role: Role; created_at: string }>(
      'SELECT id, name, role, created_at FROM api_keys ORDER BY created_at, id',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at }));
  }
}

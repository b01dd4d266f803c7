import { initial } from './0001-initial.js';
import { changeNotify } from './0002-change-notify.js';

/**
 * A schema change: applied once, in version order, inside the migration transaction. Never edit a
 * released migration (its checksum is recorded); add a new one with the next version.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** SQL lives in .ts modules so it ships inside dist/ with no copy step. */
export const MIGRATIONS: readonly Migration[] = [initial, changeNotify];

import { InvalidArgumentError } from 'commander';

/** Parse a positive integer option, accepting size suffixes ("50MB", "1k"), for commander. */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 1048576, 512KB or 50MB');
  const unit = (m[2] ?? 'b').toLowerCase()[0]!;
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n < 1) throw new InvalidArgumentError('must be at least 1 byte');
  return n;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** A number in 0..1 (thresholds). */
export function unitInterval(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number between 0 and 1');
  return n;
}

/*
 * Timestamps arrive as Unix seconds (float, int or, in old Pushshift dumps, a string), Unix
 * milliseconds (Blogger permalinks), RFC 3339 with an offset, or naive "YYYY-MM-DD HH:MM:SS" that the
 * format defines as UTC (WordPress `comment_date_gmt`). All become ISO 8601 UTC (`…Z`); the raw value
 * is kept beside it. A value that does not parse gives null, never a guessed date.
 */

export type TimeKind = 'unix' | 'unix-ms' | 'iso' | 'naive-utc' | 'rfc2822';

export interface Stamp {
  createdAt: string | null;
  createdAtRaw: string | null;
}

// RFC 3339 / ISO 8601 with a zone (Z or ±hh:mm / ±hhmm); date-only is accepted as midnight UTC.
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const NAIVE_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
// RSS dates: "Tue, 14 Jan 2014 17:31:03 +0000".
const RFC2822_RE = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?\s*(?:[+-]\d{4}|GMT|UTC|UT|Z)$/;
// Unix seconds after 2100 are more likely milliseconds (or garbage) than a date: refused, not guessed.
const MAX_S = 4102444800;

export function toStamp(raw: unknown, kind: TimeKind): Stamp {
  if (raw === null || raw === undefined || raw === '') return { createdAt: null, createdAtRaw: null };
  const rawText = typeof raw === 'string' ? raw : String(raw);
  return { createdAt: normalise(rawText.trim(), kind), createdAtRaw: rawText };
}

function normalise(s: string, kind: TimeKind): string | null {
  switch (kind) {
    case 'unix':
    case 'unix-ms': {
      if (!/^\d+(?:\.\d+)?$/.test(s)) return null;
      const seconds = kind === 'unix' ? Number(s) : Number(s) / 1000;
      if (seconds > MAX_S) return null;
      return new Date(Math.round(seconds * 1000)).toISOString();
    }
    case 'iso': {
      if (!ISO_RE.test(s)) return null;
      const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
    case 'rfc2822': {
      if (!RFC2822_RE.test(s)) return null;
      const t = Date.parse(s);
      return Number.isNaN(t) ? null : new Date(t).toISOString();
    }
    case 'naive-utc': {
      const m = NAIVE_RE.exec(s);
      if (!m) return null;
      const [, y, mo, d, h, mi, se] = m.map(Number) as number[];
      const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, se || 0);
      // Date.UTC rolls over (Feb 30 → Mar 2); a rolled-over date is not the one written.
      return new Date(t).getUTCDate() === d ? new Date(t).toISOString() : null;
    }
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).join('|');

// "Saturday, August 6, 2016", "August 5, 2016", "Aug. 9, 2016", optionally "at 10:43 PM".
const DISPLAY_DATE = new RegExp(
  String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(${MONTH_NAMES})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap]\.?\s?m\.?)?)?`,
  'i',
);

export interface DisplayDate {
  /** Matched text, exactly as written. */
  raw: string;
  /** Offset of `raw` in the searched string. */
  index: number;
  /** ISO calendar date, YYYY-MM-DD. */
  date: string;
  /** 24h local time "HH:MM" when the text gives one; the time zone is unknown. */
  time: string | null;
}

/** Find the first English display date ("Saturday, August 6, 2016 at 3:05 PM") in `s`. */
export function findDisplayDate(s: string): DisplayDate | null {
  const m = DISPLAY_DATE.exec(s);
  if (!m) return null;
  const month = MONTHS[m[1]!.toLowerCase()]!;
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (day < 1 || day > 31) return null;
  let time: string | null = null;
  if (m[4] !== undefined) {
    let h = Number(m[4]);
    const ampm = m[6]?.toLowerCase().replace(/[.\s]/g, '');
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
    time = `${pad(h)}:${m[5]}`;
  }
  return { raw: m[0], index: m.index, date: `${year}-${pad(month)}-${pad(day)}`, time };
}

/** True when the whole (trimmed) line is a date or date-time and nothing else. */
export function isDateLine(line: string): DisplayDate | null {
  const t = line.trim();
  const d = findDisplayDate(t);
  return d && d.index === 0 && d.raw.length === t.length ? d : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

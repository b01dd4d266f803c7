import chrome from './lexicons/page-chrome.json' with { type: 'json' };

const CHROME = chrome.entries.map((e) => ({ re: new RegExp(e.pattern, 'i'), kind: e.kind }));

/** Agencies whose names end a photo-credit line ("Russian army pilot in Syria / AP"). */
const CREDIT_TAIL =
  /(?:^|[\s/(])(?:AP|AFP|Reuters|Getty Images|Anadolu Agency|EPA|Shutterstock|Sipa|Bloomberg|Corbis|Pool)\)?\s*$/;

export function isChromeLine(line: string): string | null {
  // Captures carry non-breaking spaces ("Terms\u00a0of\u00a0Use"); \s folds them.
  const t = line.replace(/\s+/g, ' ').trim();
  for (const c of CHROME) if (c.re.test(t)) return c.kind;
  return null;
}

/**
 * A photo credit or caption-with-credit: short, no sentence punctuation at the end, names an agency
 * after a slash or as the whole tail ("Bulent Kilic/AFP/Getty Images", "… (Reuters/Muzaffar Salman) / Reuters").
 */
export function isPhotoCredit(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 120 || /[.!?:"”]$/.test(t)) return false;
  return CREDIT_TAIL.test(t) && (t.includes('/') || t.split(/\s+/).length <= 4);
}

/** Split text into paragraphs (blank-line separated), trimming each, dropping empties. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

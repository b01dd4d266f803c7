/**
 * Pick the response type for an Accept header among `offered` (in our order of preference for ties).
 * Returns null when the client accepts none of them (→ 406). A missing header accepts anything.
 */
export function negotiate<T extends string>(accept: string | undefined, offered: readonly T[]): T | null {
  if (!accept || accept.trim() === '') return offered[0] ?? null;
  const ranges = accept.split(',').map((part) => {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const qv = q ? Number(q.slice(2)) : 1;
    return { type: type.trim(), q: Number.isFinite(qv) ? qv : 0 };
  });
  let best: T | null = null;
  let bestQ = 0;
  for (const o of offered) {
    const [main] = o.split('/');
    // The most specific matching range decides the quality of this type.
    const match =
      ranges.find((r) => r.type === o) ?? ranges.find((r) => r.type === `${main}/*`) ?? ranges.find((r) => r.type === '*/*');
    if (match && match.q > bestQ) {
      best = o;
      bestQ = match.q;
    }
  }
  return best;
}

/**
 * What the queue tells the case view while the page is open: the order the cases were listed in (for
 * next/previous case) and each case's review, so a case opens with its reply fetched in parallel.
 */
export interface QueueEntry {
  caseId: string;
  reviewId: string;
}

let order: QueueEntry[] = [];
let queueHash = '#/queue';

export function rememberQueue(entries: QueueEntry[], hash: string): void {
  order = entries;
  queueHash = hash;
}

export function queueLink(): string {
  return queueHash;
}

export function reviewIdOf(caseId: string): string | undefined {
  return order.find((e) => e.caseId === caseId)?.reviewId;
}

/** The case before or after `caseId` in the queue as last shown; null at either end or when not in it. */
export function neighbour(caseId: string, step: 1 | -1): QueueEntry | null {
  const index = order.findIndex((e) => e.caseId === caseId);
  if (index < 0) return null;
  return order[index + step] ?? null;
}

export function positionOf(caseId: string): { index: number; total: number } | null {
  const index = order.findIndex((e) => e.caseId === caseId);
  return index < 0 ? null : { index: index + 1, total: order.length };
}

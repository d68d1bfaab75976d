/** Hands reviews to the analysis job; implemented by BullMQ or by the in-process runner. */
export abstract class AnalysisQueue {
  abstract enqueueReviews(shopId: string, reviewIds: string[]): Promise<void>;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

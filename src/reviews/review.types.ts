export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pdd', 'kuaishou', 'douyin', 'shopify', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const GRADES = ['good', 'medium', 'bad'] as const;
export type Grade = (typeof GRADES)[number];

export const ANALYSIS_STATUSES = ['pending', 'done', 'failed'] as const;
export type AnalysisStatus = (typeof ANALYSIS_STATUSES)[number];

export const INGEST_RESULTS = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type IngestResult = (typeof INGEST_RESULTS)[number];

/** 好评 4-5, 中评 3, 差评 1-2 */
export function gradeOf(rating: number): Grade {
  if (rating >= 4) return 'good';
  if (rating === 3) return 'medium';
  return 'bad';
}

export const TAG_SOURCES = ['model', 'staff'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

export interface TagEvidence {
  tag: string;
  subTag?: string;
  phrase: string;
  /** set when the evidence is the platform's per-dimension score, not a phrase of the text */
  source?: 'platform_score';
  dimension?: 'quality' | 'logistics' | 'service' | 'description';
  score?: number;
  max?: number;
}

import type { TemplateLookup, TemplateMatch } from './reviewer-risk.types';

/**
 * Near-duplicate review texts (差评模板) by MinHash over character 3-gram sets with LSH banding: adding and
 * querying cost O(signature) each, so a shop's whole history can be indexed without comparing every pair.
 * Texts are normalised first so that punctuation, spacing, full-width forms, case, repeated characters and
 * the digits of amounts or phone numbers do not hide a template.
 */

const SHINGLE = 3;
const HASHES = 64;
const ROWS_PER_BAND = 4;
const BANDS = HASHES / ROWS_PER_BAND;

/** NFKC, lower case, letters/digits/Han only, every digit as 0, runs of one repeated character collapsed. */
export function normaliseTemplateText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/\p{N}/gu, '0')
    .replace(/(.)\1{2,}/gu, '$1$1');
}

function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature of a normalised text (HASHES values), or null when the text has no shingle.
 * The HASHES hash functions are derived from two base hashes per shingle (h1 + i*h2), which costs one
 * multiply-add per function instead of a full hash.
 */
export function minHashSignature(normalised: string): Uint32Array | null {
  const units = normalised.length;
  if (units < SHINGLE) return null;
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  for (let start = 0; start + SHINGLE <= units; start++) {
    const h1 = fnv1a(normalised, start, start + SHINGLE);
    const h2 = fmix32(h1 ^ 0x9e3779b9) | 1;
    for (let i = 0; i < HASHES; i++) {
      const value = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
}

/** Signature of a raw text, or null when it is too short to be a template. */
export function templateSignature(text: string, minLength: number): Uint32Array | null {
  const normalised = normaliseTemplateText(text);
  return normalised.length < minLength ? null : minHashSignature(normalised);
}

export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** The estimated similarity when it reaches `threshold`, else -1; gives up as soon as it cannot. */
function similarityAtLeast(a: Uint32Array, b: Uint32Array, threshold: number): number {
  const allowedMisses = HASHES - Math.ceil(threshold * HASHES);
  let misses = 0;
  for (let i = 0; i < HASHES; i++) {
    if (a[i] !== b[i] && ++misses > allowedMisses) return -1;
  }
  return (HASHES - misses) / HASHES;
}

function bandKey(signature: Uint32Array, band: number): number {
  let hash = band + 1;
  for (let row = band * ROWS_PER_BAND; row < (band + 1) * ROWS_PER_BAND; row++) {
    hash = Math.imul(hash ^ signature[row], 0x01000193);
  }
  return fmix32(hash >>> 0);
}

export interface TextTemplateIndexOptions {
  /** estimated Jaccard similarity from which two texts are near-duplicates */
  similarity: number;
  /** normalised characters below which a text is too generic to be a template (差评, 质量太差) */
  minLength: number;
  /** distinct texts compared per query at most; a template shared by thousands of buyers is found in the first few */
  maxCandidates?: number;
}

interface Owner {
  docId: string;
  ownerId: string;
}

/** One distinct normalised text and every review that used it. */
interface Entry {
  signature: Uint32Array;
  owners: Owner[];
}

export class TextTemplateIndex implements TemplateLookup {
  private readonly entries: Entry[] = [];
  private readonly byText = new Map<string, number>();
  private readonly bands: Map<number, number[]>[] = Array.from({ length: BANDS }, () => new Map());
  private readonly maxCandidates: number;
  // visited[entry] === query marks entries already compared in the current query, without a Set per query
  private visited = new Int32Array(1024);
  private query = 0;
  private documents = 0;

  constructor(private readonly options: TextTemplateIndexOptions) {
    this.maxCandidates = options.maxCandidates ?? 100;
  }

  /** reviews indexed */
  get size(): number {
    return this.documents;
  }

  /** Indexes one review's text; returns false when the text is too short to be a template. */
  add(docId: string, ownerId: string, text: string): boolean {
    const normalised = normaliseTemplateText(text);
    if (normalised.length < this.options.minLength) return false;
    this.documents++;
    // exact repeats (the commonest template) share one entry: buckets stay small however often a text is used
    const known = this.byText.get(normalised);
    if (known !== undefined) {
      this.entries[known].owners.push({ docId, ownerId });
      return true;
    }
    const signature = minHashSignature(normalised);
    if (!signature) return false;
    const index = this.entries.length;
    this.entries.push({ signature, owners: [{ docId, ownerId }] });
    this.byText.set(normalised, index);
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(signature, band);
      const bucket = this.bands[band].get(key);
      if (bucket) bucket.push(index);
      else this.bands[band].set(key, [index]);
    }
    return true;
  }

  findSimilar(text: string, options: { excludeOwner?: string; excludeDoc?: string; limit?: number } = {}): TemplateMatch[] {
    const normalised = normaliseTemplateText(text);
    if (normalised.length < this.options.minLength) return [];
    // a text already indexed (the usual query: a buyer's own reviews are indexed before they are scored) has its signature
    const known = this.byText.get(normalised);
    const signature = known !== undefined ? this.entries[known].signature : minHashSignature(normalised);
    if (!signature) return [];
    const limit = options.limit ?? 20;
    if (this.visited.length < this.entries.length) this.visited = new Int32Array(this.entries.length * 2);
    const query = ++this.query;
    const matches: TemplateMatch[] = [];
    let examined = 0;
    for (let band = 0; band < BANDS && matches.length < limit && examined < this.maxCandidates; band++) {
      const bucket = this.bands[band].get(bandKey(signature, band));
      if (!bucket) continue;
      for (const index of bucket) {
        if (this.visited[index] === query) continue;
        this.visited[index] = query;
        examined++;
        const entry = this.entries[index];
        const similarity = similarityAtLeast(signature, entry.signature, this.options.similarity);
        if (similarity >= 0) {
          for (const owner of entry.owners) {
            if (owner.ownerId === options.excludeOwner || owner.docId === options.excludeDoc) continue;
            matches.push({ docId: owner.docId, ownerId: owner.ownerId, similarity });
            if (matches.length >= limit) break;
          }
        }
        if (matches.length >= limit || examined >= this.maxCandidates) break;
      }
    }
    return matches;
  }
}

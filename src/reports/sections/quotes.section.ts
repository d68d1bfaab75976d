import { isSubTag, parentTag, TAGS } from '../../reviews/taxonomy';
import { shortQuote } from '../personal-data';
import type { RenderedSection } from '../render/blocks';
import type { ReportSettings } from '../report-settings';
import type { ReportText } from '../report-text';
import { localDate } from '../../common/time/local-time';
import type { SectionBuilder } from '../report.types';
import { clip } from './section-helpers';

export interface Quote {
  /** short, personal data masked */
  text: string;
  subTag: string | null;
  rating: number;
  sku: string | null;
  productName: string | null;
  /** local date of the review */
  date: string;
}

export interface QuotesSection {
  causes: { tag: string; quotes: Quote[] }[];
}

export interface QuoteCandidateRow {
  tag: string;
  rating: number;
  sku: string | null;
  productId: string | null;
  productName: string | null;
  subTags: string[];
  content: string | null;
  followUp: string | null;
  evidence: { tag?: string; subTag?: string; phrase?: string; source?: string }[] | null;
  /** values to mask wherever they appear: nick, buyer id, order id */
  known: (string | null)[];
  /** local date of the review */
  date: string;
}

/** candidates read per cause, so that empty or repetitive texts can be skipped */
const CANDIDATES_PER_QUOTE = 6;

/**
 * Picks up to `quotesPerCause` quotes per cause; pure. Prefers reviews whose classifier evidence names the
 * cause (the quote then shows the words that made the tag), then different SKUs, then the lowest ratings.
 */
export function pickQuotes(candidates: readonly QuoteCandidateRow[], settings: Pick<ReportSettings, 'quotesPerCause' | 'quoteMaxChars'>): QuotesSection {
  const byTag = new Map<string, QuoteCandidateRow[]>();
  for (const row of candidates) byTag.set(row.tag, [...(byTag.get(row.tag) ?? []), row]);
  const order = (tag: string) => {
    const index = (TAGS as readonly string[]).indexOf(tag);
    return index < 0 ? TAGS.length : index;
  };
  const causes = [...byTag.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([tag, rows]) => {
      const scored = rows.map((row) => {
        const evidence = (row.evidence ?? []).find((e) => e.tag === tag && e.source === undefined && typeof e.phrase === 'string' && e.phrase.trim() !== '');
        const phrase = evidence?.phrase?.trim() ?? null;
        const source =
          phrase && row.followUp?.toLowerCase().includes(phrase.toLowerCase()) && !row.content?.toLowerCase().includes(phrase.toLowerCase())
            ? row.followUp
            : row.content || row.followUp || '';
        const text = shortQuote(source, phrase, settings.quoteMaxChars, row.known);
        const subTag =
          (evidence?.subTag && isSubTag(evidence.subTag) ? evidence.subTag : null) ??
          row.subTags.find((sub) => isSubTag(sub) && parentTag(sub) === tag) ??
          null;
        return { row, text, subTag, hasEvidence: phrase !== null && text.toLowerCase().includes(phrase.toLowerCase()) };
      });
      const usable = scored
        .filter((s) => s.text.replace(/[*…\s\p{P}]/gu, '').length >= 2)
        .sort((a, b) => Number(b.hasEvidence) - Number(a.hasEvidence) || a.row.rating - b.row.rating);
      const picked: typeof usable = [];
      const seenSkus = new Set<string>();
      const seenTexts = new Set<string>();
      // first pass: one quote per SKU; second pass fills up with the rest
      for (const pass of [true, false]) {
        for (const s of usable) {
          if (picked.length >= settings.quotesPerCause) break;
          const sku = s.row.sku ?? s.row.productId ?? '';
          if (picked.includes(s) || seenTexts.has(s.text) || (pass && seenSkus.has(sku))) continue;
          picked.push(s);
          seenSkus.add(sku);
          seenTexts.add(s.text);
        }
      }
      return {
        tag,
        quotes: picked.map((s): Quote => ({
          text: s.text,
          subTag: s.subTag,
          rating: s.row.rating,
          sku: s.row.sku ?? s.row.productId,
          productName: s.row.productName,
          date: s.row.date,
        })),
      };
    })
    .filter((cause) => cause.quotes.length > 0);
  return { causes };
}

function render(data: QuotesSection, text: ReportText): RenderedSection {
  return {
    key: 'quotes',
    title: text.t('quotes'),
    blocks: [
      {
        type: 'quotes',
        id: 'quotes',
        labels: [text.t('tag'), text.t('quotes'), text.t('details')],
        groups: data.causes.map((cause) => ({
          title: text.tag(cause.tag),
          quotes: cause.quotes.map((quote) => ({
            text: quote.text,
            meta: [`${quote.rating}★`, text.subTag(quote.subTag), quote.sku, quote.productName ? clip(quote.productName, 20) : null, quote.date]
              .filter((part): part is string => Boolean(part))
              .join(' · '),
          })),
        })),
        empty: text.t('noNegative'),
      },
      { type: 'note', text: text.t('maskedNote') },
    ],
  };
}

/**
 * Candidates are the period's medium/bad reviews with each cause of the taxonomy, lowest rating first; their
 * text is the version that counts (the current row or the revision in effect at the end of the period).
 */
export const quotesSection: SectionBuilder<'quotes', { candidates: Omit<QuoteCandidateRow, 'date'> & { reviewedAt: string } }> = {
  key: 'quotes',
  queries: {
    candidates: `
      SELECT c.tag, c.rating, c.sku, c.product_id AS "productId", c.product_name AS "productName", c.sub_tags AS "subTags",
        CASE WHEN c.version IS NULL THEN r.content ELSE rv.snapshot->>'content' END AS content,
        CASE WHEN c.version IS NULL THEN r.follow_up_content ELSE rv.snapshot->>'followUpContent' END AS "followUp",
        CASE WHEN c.version IS NULL THEN r.tag_evidence ELSE coalesce(rv.tag_evidence, r.tag_evidence) END AS evidence,
        CASE WHEN c.version IS NULL THEN ARRAY[r.buyer_nick, r.buyer_id, r.order_id]
          ELSE ARRAY[rv.snapshot->>'buyerNick', rv.snapshot->>'buyerId', rv.snapshot->>'orderId', r.buyer_nick] END AS known,
        r.reviewed_at AS "reviewedAt"
      FROM unnest(ARRAY[${TAGS.map((tag) => `'${tag}'`).join(', ')}]) AS t(tag)
      -- the lowest ratings first: a top-N per cause, not a sort of all the period's complaints
      CROSS JOIN LATERAL (
        SELECT t.tag, rr.id, rr.version, rr.rating, rr.sku, rr.product_id, rr.product_name, rr.sub_tags
        FROM rr_negative rr
        WHERE rr.bucket = 0 AND t.tag = ANY(rr.tags)
        ORDER BY rr.rating, rr.id
        LIMIT ($6::jsonb->>'quotesPerCause')::int * ${CANDIDATES_PER_QUOTE}
      ) c
      JOIN reviews r ON r.id = c.id
      LEFT JOIN LATERAL (
        SELECT snapshot, tag_evidence FROM review_revisions WHERE review_id = c.id AND revision = c.version
      ) rv ON true`,
  },
  build: (rows, context) =>
    pickQuotes(
      rows.candidates.map(({ reviewedAt, ...row }) => ({ ...row, date: localDate(new Date(reviewedAt), context.period.timezone) })),
      context.settings,
    ),
  render,
};

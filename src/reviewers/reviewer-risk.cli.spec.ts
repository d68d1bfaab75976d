import { PassThrough, Readable } from 'node:stream';
import { parseReviewLine, runReviewerRisk } from './reviewer-risk.cli';

interface OutputLine {
  buyerId: string;
  score: number;
  level: string;
  signals: { code: string; contribution: number }[];
}

async function run(lines: string[]): Promise<{ out: OutputLine[]; err: string; summary: Awaited<ReturnType<typeof runReviewerRisk>> }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  const chunks: string[] = [];
  const errorChunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  errors.on('data', (chunk: Buffer) => errorChunks.push(chunk.toString('utf8')));
  const summary = await runReviewerRisk(Readable.from([lines.join('\n')]), output, { errors });
  const out = chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutputLine);
  return { out, err: errorChunks.join(''), summary };
}

const line = (value: Record<string, unknown>) => JSON.stringify(value);

/** Ordinary buyers rating ten products around 4.6 stars over a year. */
function background(): string[] {
  return Array.from({ length: 300 }, (_, i) =>
    line({
      reviewId: `bg${i}`,
      buyerId: `u${i}`,
      productId: `p${i % 10}`,
      rating: i % 7 === 0 ? 3 : 5,
      reviewedAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
    }),
  );
}

describe('reviewer-risk CLI', () => {
  it('writes one line per buyer with score, level and signals, from rating and date alone', async () => {
    const spammer = [0, 1, 2, 3, 4].map((i) => line({ reviewId: `s${i}`, buyerId: 'spammer', productId: `p${i}`, rating: 1, reviewedAt: `2026-03-0${i + 1}` }));
    const { out, summary } = await run([...background(), ...spammer]);
    expect(summary).toEqual({ reviews: 305, buyers: 301, skipped: 0 });
    expect(out).toHaveLength(301);
    const flagged = out.find((o) => o.buyerId === 'spammer');
    expect(flagged?.level).toBe('high');
    expect(flagged?.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['bad_review_burst', 'rating_below_product', 'bad_review_share']));
    expect(Object.keys(flagged ?? {})).toEqual(['buyerId', 'score', 'level', 'signals']);
    expect(out.find((o) => o.buyerId === 'u1')).toEqual({ buyerId: 'u1', score: 0, level: 'low', signals: [] });
  });

  it('uses text, photos, delivery and order amount when present', async () => {
    const { out } = await run([
      ...background(),
      line({
        reviewId: 'x',
        buyerId: 'extortion',
        productId: 'p1',
        rating: 1,
        reviewedAt: '2026-03-01T10:00:00Z',
        deliveredAt: '2026-03-01T09:58:00Z',
        orderAmount: 39,
        text: '假货！不赔钱就差评，加微信 wxid_abc123',
      }),
      line({
        reviewId: 'y',
        buyerId: 'angry',
        productId: 'p2',
        rating: 1,
        reviewedAt: '2026-03-05',
        imageCount: 3,
        text: 'The handle snapped on first use, very disappointed.',
      }),
    ]);
    const extortion = out.find((o) => o.buyerId === 'extortion');
    expect(extortion?.level).toBe('high');
    expect(extortion?.signals.map((s) => s.code)).toEqual(
      expect.arrayContaining(['compensation_demand', 'off_platform_contact', 'review_soon_after_delivery']),
    );
    expect(out.find((o) => o.buyerId === 'angry')?.level).toBe('low');
  });

  it('finds a template shared by buyers through the index', async () => {
    const text = 'Arrived used and scratched, do NOT buy, this seller is a scam and ignores messages';
    const { out } = await run([
      ...background(),
      ...['a', 'b', 'c'].map((buyerId, i) => line({ reviewId: `t${i}`, buyerId, productId: 'p3', rating: 1, reviewedAt: `2026-03-0${i + 1}`, text })),
    ]);
    expect(out.find((o) => o.buyerId === 'a')?.signals.map((s) => s.code)).toContain('template_text');
  });

  it('skips bad lines, counts them and says so on stderr', async () => {
    const { out, err, summary } = await run([
      ...background().slice(0, 5),
      'not json',
      line({ buyerId: 'x', rating: 9, reviewedAt: '2026-01-01' }),
      line({ rating: 5, reviewedAt: '2026-01-01' }),
      line({ buyerId: 'x', rating: 5, reviewedAt: 'yesterday' }),
      '[1,2]',
      '',
    ]);
    expect(summary.skipped).toBe(5);
    expect(out).toHaveLength(5);
    expect(err).toBe('reviewer-risk: skipped 5 bad line(s), first at line 6: not JSON\n');
  });

  it.each([
    [
      { buyerId: 7, productId: 12, rating: '4', reviewedAt: 1_767_225_600 },
      { buyerId: '7', productId: '12', rating: 4 },
    ],
    [
      { buyerId: 'b', rating: 2, reviewedAt: '2026/01/05 10:00' },
      { buyerId: 'b', productId: null, reviewId: 'line-3' },
    ],
  ])('reads %j leniently', (input, expected) => {
    const parsed = parseReviewLine(JSON.stringify(input), 3);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect({ buyerId: parsed.buyerId, ...parsed.review }).toMatchObject(expected);
  });
});

import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Writable } from 'node:stream';
import { parseReviewLine, runReviewerRisk } from '../src/reviewers/reviewer-risk.cli';
import type { ReviewerReview } from '../src/reviewers/reviewer-risk.types';
import { ReviewGenerator } from './review-generator';
import { intSetting, writeResultsSection } from './bench-support';

/**
 * npm run bench:risk
 *
 * The `reviewer-risk` CLI pipeline in one process (one core) over generated review history, next to a baseline
 * that only reads, parses and groups the same lines by buyer: buyers scored per second, with all fields (texts,
 * photos, delivery, order amounts) and with rating and date only.
 */

// compiled to dist-bench/bench/: the repository root is two levels up
const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:risk:begin -->';
const END_MARK = '<!-- bench:risk:end -->';
const GOAL_SECONDS = 10;

const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 100_000, 100),
  rounds: intSetting('BENCH_ROUNDS', 3, 1),
  seed: intSetting('BENCH_SEED', 20_261_111, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
};

interface Measure {
  name: string;
  seconds: number;
  buyers: number;
  reviews: number;
}

type Pipeline = (input: NodeJS.ReadableStream, output: NodeJS.WritableStream) => Promise<{ buyers: number }>;

/** What every pipeline pays anyway: reading the lines, parsing and checking each, grouping by buyer. */
const parseAndGroup: Pipeline = async (input) => {
  const byBuyer = new Map<string, ReviewerReview[]>();
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const parsed = parseReviewLine(line, ++lineNumber);
    if (typeof parsed === 'string') continue;
    const reviews = byBuyer.get(parsed.buyerId);
    if (reviews) reviews.push(parsed.review);
    else byBuyer.set(parsed.buyerId, [parsed.review]);
  }
  return { buyers: byBuyer.size };
};

const reviewerRisk: Pipeline = (input, output) => runReviewerRisk(input, output, { errors: new PassThrough() });

/** Best of several rounds: the machine is shared, and the best round is the one least disturbed. */
async function measure(name: string, text: string, reviews: number, pipeline: Pipeline): Promise<Measure> {
  let best = Infinity;
  let buyers = 0;
  for (let round = 0; round < SETTINGS.rounds; round++) {
    const input = new PassThrough();
    const output = new Writable({
      write(_chunk: Buffer, _encoding, done) {
        done();
      },
    });
    const started = process.hrtime.bigint();
    const finished = pipeline(input, output);
    input.end(text);
    buyers = (await finished).buyers;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return { name, seconds: best, buyers, reviews };
}

function format(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

async function main(): Promise<void> {
  const generator = new ReviewGenerator(SETTINGS.seed, Date.parse('2026-11-01T00:00:00Z'));
  const full: string[] = [];
  const ratingOnly: string[] = [];
  for (let i = 0; i < SETTINGS.reviews; i++) {
    const review = generator.next();
    const base = { reviewId: review.externalId, buyerId: review.buyerId, productId: review.productId, rating: review.rating, reviewedAt: review.reviewedAt };
    ratingOnly.push(JSON.stringify(base));
    full.push(
      JSON.stringify({
        ...base,
        text: review.content,
        imageCount: review.imageCount ?? review.images?.length ?? 0,
        deliveredAt: review.deliveredAt,
        orderAmount: review.orderAmount,
        ...(review.followUpContent ? { followUpText: review.followUpContent } : {}),
        ...(review.hasVideo ? { hasVideo: true } : {}),
      }),
    );
  }
  const fullText = `${full.join('\n')}\n`;
  const ratingText = `${ratingOnly.join('\n')}\n`;

  // warm the JIT on a slice
  const warmStarted = process.hrtime.bigint();
  await measure('warm-up', `${full.slice(0, 5_000).join('\n')}\n`, 5_000, reviewerRisk);
  const warmSeconds = Number(process.hrtime.bigint() - warmStarted) / 1e9;

  const measures: Measure[] = [
    await measure('baseline: read, parse and group the lines by buyer (all fields)', fullText, full.length, parseAndGroup),
    await measure('**`reviewer-risk`, all fields** (texts, photos, delivery, order amounts)', fullText, full.length, reviewerRisk),
    await measure('baseline: read, parse and group the lines by buyer (rating and date only)', ratingText, ratingOnly.length, parseAndGroup),
    await measure('**`reviewer-risk`, rating and date only**', ratingText, ratingOnly.length, reviewerRisk),
  ];
  const slowest = Math.max(measures[1].seconds, measures[3].seconds);

  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const row = (m: Measure, baseline: Measure) =>
    `| ${m.name} | ${format(m.seconds, 2)} s | ${format(m.buyers / m.seconds)} | ${format(m.reviews / m.seconds)} | ${format(m.seconds / baseline.seconds, 1)}x |`;
  const lines = [
    BEGIN_MARK,
    '## `npm run bench:risk`',
    '',
    'Builds the bench (`bench/tsconfig.json` into `dist-bench/`) and runs `dist-bench/bench/risk.bench.js` in one',
    'process (one core): generates review history with `bench/review-generator.ts` (about 30,000 buyers, 20 products,',
    'Chinese and English texts, photos, delivery times and order amounts), serialises it as `reviewer-risk` input lines',
    'twice (all fields; rating and date only), warms up on 5,000 lines, then times the whole `reviewer-risk` pipeline',
    '(read and parse, product statistics, template index, every signal for every buyer, JSON lines out to a sink) next',
    'to a baseline that only reads, parses and groups the same lines, and keeps the best of',
    `${SETTINGS.rounds} rounds. Settings: \`BENCH_REVIEWS\`, \`BENCH_ROUNDS\`, \`BENCH_SEED\`, \`BENCH_WRITE_RESULTS=0\` (print only).`,
    '',
    '### Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores, ${cpu}, ${format(totalmem() / 2 ** 30, 1)} GiB memory, node ${process.version}; the bench uses one core`,
    `- input: ${format(full.length)} reviews of ${format(measures[1].buyers)} buyers, ${format(fullText.length / 2 ** 20, 1)} MiB (all fields) / ${format(ratingText.length / 2 ** 20, 1)} MiB (rating and date)`,
    `- warm-up of 5,000 lines: ${format(warmSeconds, 2)} s`,
    '',
    '| pipeline | time | buyers/s | reviews/s | vs its baseline |',
    '| --- | --- | --- | --- | --- |',
    row(measures[0], measures[0]),
    row(measures[1], measures[0]),
    row(measures[2], measures[2]),
    row(measures[3], measures[2]),
    '',
    `Goal: ${format(SETTINGS.reviews)} reviews in seconds (under ${GOAL_SECONDS} s): ${slowest < GOAL_SECONDS ? 'met' : 'NOT met'} (${format(slowest, 2)} s at worst).`,
    END_MARK,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);

  if (SETTINGS.writeResults) {
    writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

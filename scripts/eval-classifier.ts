import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import keywordList from '../src/classification/resources/keyword-baseline.json';
import { EvalReport, formatReport, MACRO_TAGS, scoreTags } from '../src/classification/eval-metrics';
import { classify } from '../src/classification/review-classifier';

/**
 * npm run eval:classifier [-- --eval-dir ../shared/eval]
 *
 * Scores the shipped model on every file it was not trained on, each beside a plain keyword list (a dozen cause
 * words per tag, quality when none matches: resources/keyword-baseline.json):
 * - the dev files of ../shared/eval (cosmetics in Chinese, laptops in English), when that folder is there;
 * - the held-out files of src/classification/resources/heldout (Chinese electronics, clothing, food and household goods,
 *   English complaints about all kinds of goods), written for this project; zh-electronics and en-complaints calibrate
 *   the thresholds, the others are read by nothing but this script.
 * Per file: per-tag precision/recall/F1 of both, then one summary table of macro-F1 (quality, logistics, service).
 */

const ROOT = resolve(__dirname, '..');
const HELD_OUT_DIR = join(ROOT, 'src', 'classification', 'resources', 'heldout');
const HELD_OUT = ['zh-electronics.jsonl', 'zh-clothing.jsonl', 'zh-food.jsonl', 'zh-home.jsonl', 'en-complaints.jsonl', 'en-marketplace.jsonl'];
const DEV = ['zh-cosmetics-dev.jsonl', 'en-laptop-dev.jsonl'];

interface Labelled {
  text: string;
  tags: string[];
}

const KEYWORDS = keywordList as unknown as Record<'logistics' | 'service' | 'price', string[]>;

/** The yardstick: a cause when one of its words is in the text, quality when no other cause is. */
export function keywordTags(text: string): string[] {
  const lower = text.toLowerCase();
  const tags = (['logistics', 'service', 'price'] as const).filter((tag) => KEYWORDS[tag].some((word) => lower.includes(word)));
  return tags.includes('logistics') || tags.includes('service') ? tags : ['quality', ...tags];
}

function read(file: string): Labelled[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const record = JSON.parse(line) as { text?: unknown; tags?: unknown };
      if (typeof record.text !== 'string' || !Array.isArray(record.tags)) throw new Error(`${file}:${i + 1}: needs "text" and "tags"`);
      return { text: record.text, tags: record.tags as string[] };
    });
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const evalDir = resolve(ROOT, argument('--eval-dir') ?? '../shared/eval');
  const files = [...DEV.map((name) => join(evalDir, name)).filter((file) => existsSync(file)), ...HELD_OUT.map((name) => join(HELD_OUT_DIR, name))];
  const summary: Array<{ file: string; reviews: number; model: EvalReport; keywords: EvalReport }> = [];
  let version = '';
  for (const file of files) {
    const reviews = read(file);
    const model = scoreTags(
      reviews.map((review) => {
        const result = classify({ text: review.text });
        version = result.modelVersion;
        return { gold: review.tags, predicted: result.tags };
      }),
    );
    const keywords = scoreTags(reviews.map((review) => ({ gold: review.tags, predicted: keywordTags(review.text) })));
    summary.push({ file: basename(file), reviews: reviews.length, model, keywords });
    process.stdout.write(`\n== ${file}\n-- model ${version}\n${formatReport(model)}\n-- keyword list\n${formatReport(keywords)}\n`);
  }
  process.stdout.write(
    `\nmacro-F1 (${MACRO_TAGS.join(', ')}), model ${version}\n\n| file | reviews | model | keyword list | difference |\n| --- | --- | --- | --- | --- |\n`,
  );
  for (const row of summary) {
    const difference = row.model.macroF1 - row.keywords.macroF1;
    process.stdout.write(
      `| ${row.file} | ${row.reviews} | ${row.model.macroF1.toFixed(3)} | ${row.keywords.macroF1.toFixed(3)} | ${difference >= 0 ? '+' : ''}${difference.toFixed(3)} |\n`,
    );
  }
}

main();

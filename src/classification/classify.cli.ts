import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { EvalReport, formatReport, scoreTags } from './eval-metrics';
import { classify, ClassifierModels } from './review-classifier';

// Lines are written in batches: one write per line costs more than classifying it.
const WRITE_BATCH = 256;

type JsonRecord = Record<string, unknown>;

function parseLine(line: string): JsonRecord {
  const value: unknown = JSON.parse(line);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('a line must be a JSON object');
  return value as JsonRecord;
}

function optionalNumber(record: JsonRecord, field: string): number | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 5) throw new Error(`"${field}" must be a number from 1 to 5`);
  return value;
}

function optionalString(record: JsonRecord, field: string): string | undefined {
  const value = record[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`"${field}" must be a string`);
  return value;
}

function idOf(record: JsonRecord | undefined): string | number | null {
  const id = record?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}

async function writeBatched(output: NodeJS.WritableStream, lines: string[]): Promise<void> {
  if (!lines.length) return;
  const chunk = `${lines.join('\n')}\n`;
  lines.length = 0;
  if (!output.write(chunk)) await once(output, 'drain');
}

/**
 * `classify`: JSON lines `{"id","text","rating"?,"lang"?}` in, one JSON line per input out, in order.
 * A line that cannot be read, or has no `text`, gets `{"id","line","error"}` and the rest go on.
 */
export async function runClassify(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, models: ClassifierModels = {}): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const pending: string[] = [];
  let lineNumber = 0;
  let failures = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let record: JsonRecord | undefined;
    try {
      record = parseLine(line);
      const text = record.text;
      // a line with the review under another name ("content") must not pass as a review without a cause
      if (text === undefined || text === null) throw new Error('"text" is required');
      if (typeof text !== 'string') throw new Error('"text" must be a string');
      const result = classify({ text, rating: optionalNumber(record, 'rating'), lang: optionalString(record, 'lang') }, models);
      pending.push(
        JSON.stringify({
          id: idOf(record),
          ...(result.grade ? { grade: result.grade } : {}),
          tags: result.tags,
          subTags: result.subTags,
          confidence: result.confidence,
          evidence: result.evidence,
        }),
      );
    } catch (error) {
      failures++;
      pending.push(JSON.stringify({ id: idOf(record), line: lineNumber, error: error instanceof Error ? error.message : String(error) }));
    }
    if (pending.length >= WRITE_BATCH) await writeBatched(output, pending);
  }
  await writeBatched(output, pending);
  return failures ? 1 : 0;
}

/** Scores a labelled file (`{"id","lang","text","tags"}` lines) and returns the report. */
export async function evaluateFile(file: string, models: ClassifierModels = {}): Promise<EvalReport> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const pairs: Array<{ gold: string[]; predicted: string[] }> = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const record = parseLine(line);
    const gold = record.tags;
    if (!Array.isArray(gold) || !gold.every((tag): tag is string => typeof tag === 'string')) {
      throw new Error(`${file}:${lineNumber}: "tags" must be an array of strings`);
    }
    const text = typeof record.text === 'string' ? record.text : '';
    const result = classify({ text, rating: optionalNumber(record, 'rating'), lang: optionalString(record, 'lang') }, models);
    pairs.push({ gold, predicted: result.tags });
  }
  return scoreTags(pairs);
}

/** `eval:classify --file F`: a readable table, then the report as one JSON line. */
export async function runEvalClassify(file: string, output: NodeJS.WritableStream, models: ClassifierModels = {}): Promise<number> {
  const report = await evaluateFile(file, models);
  output.write(`${formatReport(report)}\n${JSON.stringify({ file, ...report })}\n`);
  return 0;
}

import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { classify } from '../src/classification/review-classifier';
import { checkCompliance, ComplianceContext } from '../src/compliance/compliance-engine';
import { sampleDrafts } from '../src/replies/reply-samples';
import { intSetting, writeResultsSection } from './bench-support';

/**
 * npm run bench:compliance
 *
 * The compliance check of a 500-character public reply (issue 17: well under a millisecond on one core), next to
 * classify() of the same texts in the same run. The texts are the reply samples' drafts, joined and cut to 500
 * characters (Chinese, traditional Chinese and English), one with a violation in the middle of it.
 */

const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:compliance:begin -->';
const END_MARK = '<!-- bench:compliance:end -->';
const GOAL_MS = 1;

const SETTINGS = {
  iterations: intSetting('BENCH_ITERATIONS', 5_000, 100),
  rounds: intSetting('BENCH_ROUNDS', 3, 1),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
};

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 500 characters (code points) of drafts of one language, as one reply. */
function reply500(texts: readonly string[]): string {
  const chars = [...texts.join(' ')];
  if (chars.length < 500) throw new Error('not enough sample text for a 500-character reply');
  return chars.slice(0, 500).join('');
}

/** Best per-call time of several rounds, in milliseconds. */
function perCall(run: () => unknown): number {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < SETTINGS.rounds; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < SETTINGS.iterations; i++) if (run()) sink++;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6 / SETTINGS.iterations);
  }
  if (sink < 0) process.stdout.write('');
  return best;
}

function main(): void {
  const drafts = sampleDrafts();
  const texts = (language: string) => drafts.filter((d) => d.sample.language === language).map((d) => d.draft.text);
  const zh = reply500(texts('zh-Hans'));
  const violating = [...zh];
  violating.splice(250, 0, ...'好评返 现，加我ｗｘ');
  const cases: { name: string; text: string }[] = [
    { name: 'simplified Chinese reply', text: zh },
    { name: 'traditional Chinese reply', text: reply500([...texts('zh-Hant'), ...texts('zh-Hant'), ...texts('zh-Hant')]) },
    { name: 'English reply', text: reply500(texts('en')) },
    { name: 'simplified Chinese reply with 好评返 现 and 加我ｗｘ in it', text: violating.slice(0, 500).join('') },
  ];
  const context: ComplianceContext = { kind: 'public_reply', platform: 'taobao' };
  // warm-up: jieba's dictionaries, the rule set, the JIT
  for (const c of cases) for (let i = 0; i < 200; i++) { checkCompliance(c.text, context); classify({ text: c.text, rating: 1 }); }

  const rows = cases.map((c) => {
    const findings = checkCompliance(c.text, context).map((f) => f.ruleId);
    const check = perCall(() => checkCompliance(c.text, context).length);
    const classified = perCall(() => classify({ text: c.text, rating: 1 }).tags.length);
    return { ...c, findings, check, classified };
  });
  const worst = Math.max(...rows.map((r) => r.check));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    BEGIN_MARK,
    '## `npm run bench:compliance`',
    '',
    'Builds the bench and runs `dist-bench/bench/compliance.bench.js` in one process (one core): `checkCompliance()` of a',
    '500-character public reply (the reply samples\' drafts, joined and cut to 500 characters) beside `classify()` of the same',
    `text, ${format(SETTINGS.iterations)} calls per round, best of ${SETTINGS.rounds} rounds, after a warm-up. Settings: \`BENCH_ITERATIONS\`, \`BENCH_ROUNDS\`, \`BENCH_WRITE_RESULTS=0\`.`,
    '',
    '### Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores, ${cpu}, ${format(totalmem() / 2 ** 30, 1)} GiB memory, node ${process.version}; the bench uses one core`,
    '',
    '| text (500 characters) | findings | checkCompliance() per call | classify() per call, same text |',
    '| --- | --- | ---: | ---: |',
    ...rows.map((r) => `| ${r.name} | ${r.findings.length ? r.findings.join(', ') : 'none'} | ${format(r.check * 1000, 0)} µs | ${format(r.classified * 1000, 0)} µs |`),
    '',
    `Goal: well under ${GOAL_MS} ms per 500-character reply: ${worst < GOAL_MS / 2 ? 'met' : worst < GOAL_MS ? 'under 1 ms but not well under' : 'NOT met'} (slowest ${format(worst * 1000, 0)} µs).`,
    END_MARK,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (SETTINGS.writeResults) writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
}

main();

import { cpus, loadavg, totalmem } from 'node:os';
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
 * characters (Chinese, traditional Chinese and English), one with a violation in the middle of it, and one where every
 * sentence has to be cut into words (the check cuts only the sentences where a rule could fire).
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

interface Timing {
  /** wall time per call, ms */
  wall: number;
  /** CPU time of this process per call, ms: what the call costs on one core, whatever else the machine runs */
  cpu: number;
}

/** Best per-call wall and CPU time of several rounds, in milliseconds. */
function perCall(run: () => unknown): Timing {
  let wall = Infinity;
  let cpu = Infinity;
  let sink = 0;
  for (let round = 0; round < SETTINGS.rounds; round++) {
    const started = process.hrtime.bigint();
    const usage = process.cpuUsage();
    for (let i = 0; i < SETTINGS.iterations; i++) if (run()) sink++;
    const used = process.cpuUsage(usage);
    wall = Math.min(wall, Number(process.hrtime.bigint() - started) / 1e6 / SETTINGS.iterations);
    cpu = Math.min(cpu, (used.user + used.system) / 1e3 / SETTINGS.iterations);
  }
  if (sink < 0) process.stdout.write('');
  return { wall, cpu };
}

const micros = (ms: number) => `${format(ms * 1000, 0)} µs`;
const ratio = (a: number, b: number) => `${format(a / b, 2)}`;

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
    // every sentence holds terms a rule reads words for (给 ... 好评), so every sentence is cut into words
    {
      name: 'simplified Chinese reply, every sentence cut into words (感谢您给的好评 in each)',
      text: [...zh.replace(/。/g, '，感谢您给的好评。')].slice(0, 500).join(''),
    },
  ];
  const context: ComplianceContext = { kind: 'public_reply', platform: 'taobao' };
  const loadBefore = loadavg()[0];
  // warm-up: jieba's dictionaries, the rule set, the JIT
  for (const c of cases)
    for (let i = 0; i < 200; i++) {
      checkCompliance(c.text, context);
      classify({ text: c.text, rating: 1 });
    }

  const rows = cases.map((c) => {
    const findings = checkCompliance(c.text, context).map((f) => f.ruleId);
    const check = perCall(() => checkCompliance(c.text, context).length);
    const classified = perCall(() => classify({ text: c.text, rating: 1 }).tags.length);
    return { ...c, findings, check, classified };
  });
  const loadAfter = loadavg()[0];
  const worst = Math.max(...rows.map((r) => r.check.cpu));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    BEGIN_MARK,
    '## `npm run bench:compliance`',
    '',
    'Builds the bench and runs `dist-bench/bench/compliance.bench.js` in one process (one core): `checkCompliance()` of a',
    "500-character public reply (the reply samples' drafts, joined and cut to 500 characters) beside `classify()` of the same",
    `text, ${format(SETTINGS.iterations)} calls per round, best of ${SETTINGS.rounds} rounds, after a warm-up. Settings: \`BENCH_ITERATIONS\`, \`BENCH_ROUNDS\`, \`BENCH_WRITE_RESULTS=0\`.`,
    "CPU time is the process's own (`process.cpuUsage`), what a call costs on one core; wall time grows with whatever else",
    'the machine runs, so the ratio to `classify()` of the same text in the same run is the number to compare between runs.',
    '',
    '### Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores, ${cpu}, ${format(totalmem() / 2 ** 30, 1)} GiB memory, node ${process.version}; the bench uses one core`,
    `- load average (1 min): ${format(loadBefore, 2)} at the start, ${format(loadAfter, 2)} at the end`,
    '',
    '| text (500 characters) | findings | checkCompliance() CPU / wall per call | classify() CPU / wall per call, same text | check ÷ classify (CPU) |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.findings.length ? r.findings.join(', ') : 'none'} | ${micros(r.check.cpu)} / ${micros(r.check.wall)} | ${micros(r.classified.cpu)} / ${micros(r.classified.wall)} | ${ratio(r.check.cpu, r.classified.cpu)} |`,
    ),
    '',
    `Goal: well under ${GOAL_MS} ms of one core per 500-character reply: ${worst < GOAL_MS / 4 ? 'met' : worst < GOAL_MS ? 'under 1 ms but not well under' : 'NOT met'} (slowest ${micros(worst)} CPU).`,
    END_MARK,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (SETTINGS.writeResults) writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
}

main();

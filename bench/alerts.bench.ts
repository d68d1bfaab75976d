import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import {
  AlertCause,
  AlertSettings,
  DEFAULT_ALERT_SETTINGS,
  Decision,
  SUBJECT_CAUSES,
  SubjectType,
  cusumDesignFor,
  decide,
  decideCauses,
  naiveAlarm,
} from '../src/alerts/alert-detector';
import { BetaPrior, Counts, fitBetaPrior } from '../src/alerts/beta-binomial';
import { CUSUM_START, CusumRun, advanceCusum } from '../src/alerts/bernoulli-cusum';
import { cpuModel, intSetting, writeResultsSection } from './bench-support';

/**
 * `npm run bench:alerts`: the early-warning detector (src/alerts, the same pure functions the service calls) on a
 * simulated shop, in memory. Model, per run (seeded):
 * - 2,000 SKUs; each SKU's review volume per day is log-normal (log-sd 1.68, median 0.3, at most 500): about 2,500
 *   reviews a day for the shop, most SKUs 0-5 a day, a few dozen above 5, and the top 20 % of the SKUs get about 80 %
 *   of the reviews, the concentration usually reported for retail sales (the 3 best sellers about 64 a day). The first
 *   model (log-sd 1.2, median 0.6, at most 60; BENCH_VOLUME_SD=1.2) gave the top 20 % only 64 % and the best seller
 *   about 25 a day, which decides whether a 4x rise on it can be seen within 24 hours; arrivals follow a day curve
 *   (busy evenings, quiet nights) in China's time;
 * - each SKU's usual medium/bad rate drawn from Beta(mean 4 %, strength 60); the cause of a usual bad review is
 *   quality 40 %, logistics 30 %, service 15 %, price 15 %; 6 carriers (shares 35/25/15/10/10/5 %); 12 service agents,
 *   one on 30 % of the reviews;
 * - 90 days; days 0-59 are history, alerts are counted on days 60-89 (30 days, 60,000 SKU-days);
 * - the defect stream: for each effect (2x, 4x, 10x the SKU's bad rate, the extra bad reviews being quality ones) 5
 *   SKUs of each volume band (high: >= 5 reviews a day, mid: 1-5, low: < 1) and one of the shop's 3 best sellers
 *   turn bad at a random hour of days 60-75;
 *   and one carrier's logistics complaints double from such an hour;
 * - the null stream: the same shop with nothing injected.
 * Both are analysed in 15-minute batches, like analysis commits, and decided as the service does (see detect()).
 */

const SETTINGS = {
  runs: intSetting('BENCH_RUNS', 10, 1),
  seed: intSetting('BENCH_SEED', 18, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  /** log-sd of the SKUs' volumes; 1.2 is the model of the first results (see the header) */
  volumeSd: Number(process.env.BENCH_VOLUME_SD ?? 1.68),
};
const RESULTS_FILE = join(__dirname, '..', '..', 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:alerts:begin -->';
const END_MARK = '<!-- bench:alerts:end -->';

const SKUS = 2000;
const DAYS = 90;
const MONITOR_FROM_DAY = 60;
const ONSET_DAYS = [60, 75] as const;
const BATCH_MINUTES = 15;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EFFECTS = [2, 4, 10] as const;
const BANDS = ['top', 'high', 'mid', 'low'] as const;
type Band = (typeof BANDS)[number];
const DEFECTS_PER_BAND = 5;
const CARRIER_SHARES = [0.35, 0.25, 0.15, 0.1, 0.1, 0.05];
const AGENTS = 12;
const CAUSE_MIX = { quality: 0.4, logistics: 0.3, service: 0.15, price: 0.15 } as const;
/** relative arrivals per hour of the day (China time) */
const DAY_CURVE = [3, 2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 7, 7, 6, 6, 6, 6, 7, 8, 9, 10, 10, 8, 5];
const NAIVE_WINDOW_HOURS = 72;

/** mulberry32: small, seeded, good enough for a simulation */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Marsaglia-Tsang */
function gamma(random: () => number, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    if (Math.log(random()) < 0.5 * x * x + d - d * v + Math.log(v)) return d * v;
  }
}

function poisson(random: () => number, mean: number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

interface Shop {
  perDay: Float64Array;
  badRate: Float64Array;
  cumulative: Float64Array;
  total: number;
}

function makeShop(random: () => number): Shop {
  const perDay = new Float64Array(SKUS);
  const badRate = new Float64Array(SKUS);
  for (let i = 0; i < SKUS; i++) {
    // the median follows the spread so the shop's mean volume (about 1.23 reviews a SKU a day) stays the same
    perDay[i] = Math.min(500, 0.6 * Math.exp(0.72 - SETTINGS.volumeSd ** 2 / 2) * Math.exp(SETTINGS.volumeSd * normal(random)));
    const x = gamma(random, 0.04 * 60);
    badRate[i] = x / (x + gamma(random, 0.96 * 60));
  }
  const cumulative = new Float64Array(SKUS);
  let total = 0;
  for (let i = 0; i < SKUS; i++) cumulative[i] = total += perDay[i];
  return { perDay, badRate, cumulative, total };
}

function band(perDay: number): Band {
  return perDay >= 5 ? 'high' : perDay >= 1 ? 'mid' : 'low';
}

interface Injection {
  defects: { sku: number; effect: number; band: Band; onset: number }[];
  carrier: { carrier: number; onset: number } | null;
}

function pickInjection(shop: Shop, random: () => number): Injection {
  const onset = () => (ONSET_DAYS[0] + random() * (ONSET_DAYS[1] - ONSET_DAYS[0])) * DAY;
  const byBand = new Map<Band, number[]>(BANDS.map((b) => [b, []]));
  const ranked = Array.from(shop.perDay.keys()).sort((a, b) => shop.perDay[b] - shop.perDay[a]);
  ranked.forEach((sku, rank) => byBand.get(rank < EFFECTS.length ? 'top' : band(shop.perDay[sku]))!.push(sku));
  const defects: Injection['defects'] = [];
  for (const b of BANDS) {
    const pool = byBand.get(b)!;
    for (let j = pool.length - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      [pool[j], pool[k]] = [pool[k], pool[j]];
    }
    let next = 0;
    // the few best sellers (a handful per shop) share themselves out between the effects
    const perEffect = Math.min(DEFECTS_PER_BAND, Math.floor(pool.length / EFFECTS.length));
    for (const effect of EFFECTS) for (let d = 0; d < perEffect; d++) defects.push({ sku: pool[next++], effect, band: b, onset: onset() });
  }
  return { defects, carrier: { carrier: Math.floor(random() * 3), onset: onset() } };
}

/** Bits of a review's outcome: bit 0 bad (medium or bad), then one bit per cause of SUBJECT_CAUSES. */
const CAUSE_BIT: Record<AlertCause, number> = { any: 1, quality: 2, logistics: 4, service: 8, price: 16 };

interface Review {
  at: number;
  sku: number;
  carrier: number;
  agent: number;
  bits: number;
}

function simulate(shop: Shop, injection: Injection | null, random: () => number): Review[] {
  const extraBad = new Float64Array(SKUS);
  const onsetOf = new Float64Array(SKUS).fill(Infinity);
  for (const d of injection?.defects ?? []) {
    extraBad[d.sku] = Math.min(0.95, shop.badRate[d.sku] * d.effect) - shop.badRate[d.sku];
    onsetOf[d.sku] = d.onset;
  }
  const curveTotal = DAY_CURVE.reduce((a, b) => a + b, 0);
  const reviews: Review[] = [];
  for (let hour = 0; hour < DAYS * 24; hour++) {
    const count = poisson(random, (shop.total * DAY_CURVE[hour % 24]) / curveTotal);
    for (let r = 0; r < count; r++) {
      const at = hour * HOUR + random() * HOUR;
      const u = random() * shop.total;
      let lo = 0;
      let hi = SKUS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (shop.cumulative[mid] < u) lo = mid + 1;
        else hi = mid;
      }
      const sku = lo;
      let c = 0;
      for (let v = random(); c < CARRIER_SHARES.length - 1 && v >= CARRIER_SHARES[c]; c++) v -= CARRIER_SHARES[c];
      const agent = random() < 0.3 ? Math.floor(random() * AGENTS) : -1;
      const base = shop.badRate[sku];
      const carrierFactor = injection?.carrier && injection.carrier.carrier === c && at >= injection.carrier.onset ? 2 : 1;
      const quality = base * CAUSE_MIX.quality + (at >= onsetOf[sku] ? extraBad[sku] : 0);
      const logistics = base * CAUSE_MIX.logistics * carrierFactor;
      const service = base * CAUSE_MIX.service;
      const price = base * CAUSE_MIX.price;
      const v = random();
      let bits = 0;
      if (v < quality) bits = CAUSE_BIT.any | CAUSE_BIT.quality;
      else if (v < quality + logistics) bits = CAUSE_BIT.any | CAUSE_BIT.logistics;
      else if (v < quality + logistics + service) bits = CAUSE_BIT.any | CAUSE_BIT.service;
      else if (v < quality + logistics + service + price) bits = CAUSE_BIT.any | CAUSE_BIT.price;
      reviews.push({ at, sku, carrier: c, agent, bits });
    }
  }
  return reviews.sort((a, b) => a.at - b.at);
}

/** One subject's reviews so far, in time order, with running counts per outcome bit for O(1) spans. */
class Series {
  readonly at: number[] = [];
  readonly bits: number[] = [];
  private readonly running: number[][] = Object.values(CAUSE_BIT).map(() => [0]);
  push(at: number, bits: number): void {
    this.at.push(at);
    this.bits.push(bits);
    Object.values(CAUSE_BIT).forEach((bit, i) => this.running[i].push(this.running[i][this.running[i].length - 1] + ((bits & bit) !== 0 ? 1 : 0)));
  }
  /** first index with at >= time */
  from(time: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  counts(from: number, to: number, bit: number): Counts {
    const running = this.running[Math.log2(bit)];
    return { reviews: to - from, bad: running[to] - running[from] };
  }
}

interface Opened {
  type: SubjectType;
  subject: number;
  cause: AlertCause;
  at: number;
}

/**
 * Runs the detector (or the naive rule) over a stream the way the service does (alert-detection.service.ts): after
 * each batch, the subjects it brought a medium/bad review to and those with an open alert; every hour the sweep, which
 * decides every subject with a medium/bad review in its window, those with an open alert and the shop. Each subject's
 * CUSUM runs on, advanced by the reviews since its last decision, and restarts from its last cusumReviews when more
 * came than the service reads. Decisions go through decideCauses, as in the service.
 */
function detect(reviews: Review[], settings: AlertSettings, naive: boolean): Opened[] {
  const series = new Map<string, Series>();
  const open = new Set<string>();
  const opened: Opened[] = [];
  const priors = new Map<string, BetaPrior>();
  const runs = new Map<string, { run: CusumRun; to: number }>();
  const key = (type: SubjectType, subject: number) => `${type}:${subject}`;
  const seriesOf = (type: SubjectType, subject: number) => {
    const k = key(type, subject);
    let s = series.get(k);
    if (!s) series.set(k, (s = new Series()));
    return s;
  };
  const refitPriors = (now: number) => {
    for (const type of Object.keys(SUBJECT_CAUSES) as SubjectType[]) {
      for (const cause of SUBJECT_CAUSES[type]) {
        const subjects: Counts[] = [];
        for (const [k, s] of series)
          if (k.startsWith(`${type}:`)) subjects.push(s.counts(s.from(now - settings.baselineDays * DAY), s.at.length, CAUSE_BIT[cause]));
        priors.set(`${type}:${cause}`, fitBetaPrior(subjects));
      }
    }
  };
  const hasOpen = (k: string) => SUBJECT_CAUSES[k.split(':')[0] as SubjectType].some((cause) => open.has(`${k}:${cause}`));
  const shopRate = new Map<AlertCause, number>();
  const decideSubject = (k: string, end: number) => {
    const [type, id] = k.split(':') as [SubjectType, string];
    const typeSettings = settings.subjects[type];
    const s = series.get(k)!;
    const decisions = decideCauses(
      SUBJECT_CAUSES[type],
      (cause) => {
        const bit = CAUSE_BIT[cause];
        if (naive) {
          const windowStart = s.from(end - NAIVE_WINDOW_HOURS * HOUR);
          const history = s.counts(s.from(end - NAIVE_WINDOW_HOURS * HOUR - settings.baselineDays * DAY), windowStart, bit);
          const window = s.counts(windowStart, s.at.length, bit);
          const alarm = naiveAlarm(history, window, shopRate.get(cause) ?? 0.05);
          return { alarm, clear: !alarm, method: null, window, baselineRate: 0, probability: 1, cusum: null } satisfies Decision;
        }
        const minSize = Math.min(typeSettings.windowMinReviews, typeSettings.windowReviews);
        const windowStart = Math.max(
          0,
          s.from(end - settings.baselineDays * DAY),
          s.at.length - typeSettings.windowReviews,
          Math.min(s.from(end - typeSettings.windowHours * HOUR), s.at.length - minSize),
        );
        const windowFrom = windowStart < s.at.length ? s.at[windowStart] : end - typeSettings.windowHours * HOUR;
        const historyStart = s.from(windowFrom - settings.baselineDays * DAY);
        const history = s.counts(historyStart, windowStart, bit);
        const days = historyStart < windowStart ? Math.min(settings.baselineDays, Math.max(1, (windowFrom - s.at[historyStart]) / DAY)) : 1;
        const reviewsPerDay = history.reviews / days;
        const prior = priors.get(`${type}:${cause}`)!;
        const design = cusumDesignFor(prior, history, reviewsPerDay, settings);
        let cusum: CusumRun | null = null;
        if (design) {
          // what the service reads: the latest max(cusumReviews, windowReviews) within the baseline
          const readFrom = Math.max(s.from(end - settings.baselineDays * DAY), s.at.length - Math.max(settings.cusumReviews, typeSettings.windowReviews));
          const state = runs.get(`${k}:${cause}`);
          const from = state && state.to - 1 >= readFrom ? state.to : Math.max(readFrom, s.at.length - settings.cusumReviews);
          const outcomes: boolean[] = [];
          for (let i = from; i < s.at.length; i++) outcomes.push((s.bits[i] & bit) !== 0);
          cusum = advanceCusum(state && from === state.to ? state.run : CUSUM_START, outcomes, design);
          runs.set(`${k}:${cause}`, { run: cusum, to: s.at.length });
        }
        return decide(
          prior,
          { history, window: s.counts(windowStart, s.at.length, bit), cusum, reviewsPerDay },
          { ...settings, threshold: typeSettings.threshold },
        );
      },
      (cause) => open.has(`${k}:${cause}`),
    );
    for (const { cause, transition } of decisions) {
      const alertKey = `${k}:${cause}`;
      if (transition === 'open') {
        open.add(alertKey);
        opened.push({ type, subject: Number(id), cause, at: end });
      } else if (transition === 'resolve') open.delete(alertKey);
    }
  };
  let next = 0;
  let lastRefit = -Infinity;
  for (let end = BATCH_MINUTES * 60_000; end <= DAYS * DAY; end += BATCH_MINUTES * 60_000) {
    const touched = new Set<string>();
    for (; next < reviews.length && reviews[next].at < end; next++) {
      const r = reviews[next];
      const bad = (r.bits & CAUSE_BIT.any) !== 0;
      const subjects: [SubjectType, number][] = [
        ['sku', r.sku],
        ['carrier', r.carrier],
        ['shop', 0],
      ];
      if (r.agent >= 0) subjects.push(['agent', r.agent]);
      for (const [type, subject] of subjects) {
        seriesOf(type, subject).push(r.at, r.bits);
        // a good review cannot raise an alarm: the analysis step decides a subject for a bad one or its open alert
        if (type !== 'shop' && (bad || hasOpen(key(type, subject)))) touched.add(key(type, subject));
      }
    }
    // the service refits a shop's priors in its hourly sweep; a day is enough for the bench's stable shop
    if (end - lastRefit >= DAY) {
      refitPriors(end);
      lastRefit = end;
      const shop = series.get(key('shop', 0));
      for (const cause of SUBJECT_CAUSES.shop)
        shopRate.set(
          cause,
          shop
            ? Math.max(
                1e-3,
                shop.counts(shop.from(end - settings.baselineDays * DAY), shop.at.length, CAUSE_BIT[cause]).bad /
                  Math.max(1, shop.at.length - shop.from(end - settings.baselineDays * DAY)),
              )
            : 0.05,
        );
    }
    if (end <= MONITOR_FROM_DAY * DAY - 30 * DAY) continue;
    if (end % HOUR === 0) {
      // the sweep: subjects with a medium/bad review in their window or an open alert, and the shop
      for (const [k, s] of series) {
        const type = k.split(':')[0] as SubjectType;
        if (type === 'shop') touched.add(k);
        else if (hasOpen(k) || s.counts(s.from(end - settings.subjects[type].windowHours * HOUR), s.at.length, CAUSE_BIT.any).bad > 0) touched.add(k);
      }
    }
    for (const k of touched) if (settings.subjects[k.split(':')[0] as SubjectType].enabled) decideSubject(k, end);
  }
  return opened;
}

interface Detection {
  effect: number | 'carrier x2 (logistics)';
  band: Band | 'carrier';
  hours: number | null;
  reviews: number | null;
}

function detections(reviews: Review[], injection: Injection, opened: Opened[]): Detection[] {
  const first = (type: SubjectType, subject: number, onset: number) =>
    opened.find((o) => o.type === type && o.subject === subject && o.at >= onset)?.at ?? null;
  const out: Detection[] = [];
  for (const d of injection.defects) {
    const at = first('sku', d.sku, d.onset);
    out.push({
      effect: d.effect,
      band: d.band,
      hours: at === null ? null : (at - d.onset) / HOUR,
      reviews: at === null ? null : reviews.filter((r) => r.sku === d.sku && r.at >= d.onset && r.at < at).length,
    });
  }
  if (injection.carrier) {
    const { carrier, onset } = injection.carrier;
    const at = first('carrier', carrier, onset);
    out.push({
      effect: 'carrier x2 (logistics)',
      band: 'carrier',
      hours: at === null ? null : (at - onset) / HOUR,
      reviews: at === null ? null : reviews.filter((r) => r.carrier === carrier && r.at >= onset && r.at < at).length,
    });
  }
  return out;
}

function falseAlarms(opened: Opened[]): Record<SubjectType, number> {
  const counts: Record<SubjectType, number> = { sku: 0, carrier: 0, agent: 0, shop: 0 };
  for (const o of opened) if (o.at >= MONITOR_FROM_DAY * DAY) counts[o.type]++;
  return counts;
}

const format = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function detectionTable(all: Detection[], topVolume: number): string[] {
  const rows: string[] = [
    '| effect | SKU volume | injected | detected <= 24 h | <= 72 h | ever (by day 90) | median delay, hours | median delay, reviews | p90 hours |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const groups = new Map<string, Detection[]>();
  for (const d of all) {
    const k = `${d.effect}|${d.band}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const [k, group] of groups) {
    const [effect, b] = k.split('|');
    const hours = group.filter((d) => d.hours !== null).map((d) => d.hours!);
    const reviewsTo = group.filter((d) => d.reviews !== null).map((d) => d.reviews!);
    const share = (limit: number) => `${format((100 * hours.filter((h) => h <= limit).length) / group.length)} %`;
    const bandLabel =
      b === 'carrier'
        ? 'a top-3 carrier'
        : b === 'top'
          ? `the shop's ${EFFECTS.length} best sellers (${format(topVolume, 0)} reviews/day on average)`
          : b === 'high'
            ? '>= 5 reviews/day'
            : b === 'mid'
              ? '1-5 reviews/day'
              : '< 1 review/day';
    const med = quantile(hours, 0.5);
    const medReviews = quantile(reviewsTo, 0.5);
    const p90 = quantile(hours, 0.9);
    rows.push(
      `| ${Number.isNaN(Number(effect)) ? effect : `${effect}x`} | ${bandLabel} | ${group.length} | ${share(24)} | ${share(72)} | ${share(Infinity)} | ${med === null ? '-' : format(med, 1)} | ${medReviews === null ? '-' : format(medReviews)} | ${p90 === null ? '-' : format(p90, 1)} |`,
    );
  }
  return rows;
}

/** The defaults, or what BENCH_ALERT_* asks for (to try other settings; the results say which were used). */
function tunedSettings(): AlertSettings {
  const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  const d = DEFAULT_ALERT_SETTINGS;
  return {
    ...d,
    cusumMultiple: number('BENCH_ALERT_CUSUM_MULTIPLE', d.cusumMultiple),
    cusumArlDays: number('BENCH_ALERT_CUSUM_ARL_DAYS', d.cusumArlDays),
    subjects: {
      ...d.subjects,
      sku: {
        enabled: true,
        threshold: number('BENCH_ALERT_THRESHOLD', d.subjects.sku.threshold),
        windowHours: number('BENCH_ALERT_SKU_WINDOW_HOURS', d.subjects.sku.windowHours),
        windowReviews: number('BENCH_ALERT_SKU_WINDOW_REVIEWS', d.subjects.sku.windowReviews),
        windowMinReviews: number('BENCH_ALERT_SKU_WINDOW_MIN_REVIEWS', d.subjects.sku.windowMinReviews),
      },
    },
  };
}

function main(): void {
  const started = Date.now();
  const settings = tunedSettings();
  const results = { detector: [] as Detection[], naive: [] as Detection[] };
  const nullAlarms = { detector: { sku: 0, carrier: 0, agent: 0, shop: 0 }, naive: { sku: 0, carrier: 0, agent: 0, shop: 0 } };
  let reviewsPerDay = 0;
  let highSkus = 0;
  let topVolume = 0;
  for (let run = 0; run < SETTINGS.runs; run++) {
    const random = rng(SETTINGS.seed * 1000 + run);
    const shop = makeShop(random);
    highSkus += Array.from(shop.perDay).filter((v) => band(v) === 'high').length;
    const injection = pickInjection(shop, random);
    for (const d of injection.defects) if (d.band === 'top') topVolume += shop.perDay[d.sku] / EFFECTS.length / SETTINGS.runs;
    const defectStream = simulate(shop, injection, rng(SETTINGS.seed * 1000 + run + 500));
    const nullStream = simulate(shop, null, rng(SETTINGS.seed * 1000 + run + 700));
    reviewsPerDay += nullStream.length / DAYS;
    for (const method of ['detector', 'naive'] as const) {
      results[method].push(...detections(defectStream, injection, detect(defectStream, settings, method === 'naive')));
      const counts = falseAlarms(detect(nullStream, settings, method === 'naive'));
      for (const type of Object.keys(counts) as SubjectType[]) nullAlarms[method][type] += counts[type];
    }
    process.stdout.write(`run ${run + 1}/${SETTINGS.runs} done (${format((Date.now() - started) / 1000, 1)} s)\n`);
  }
  const skuDays = SETTINGS.runs * SKUS * (DAYS - MONITOR_FROM_DAY);
  const per1000 = (n: number) => format((1000 * n) / skuDays, 2);
  const fourHigh = results.detector.filter((d) => d.effect === 4 && d.band === 'top');
  const fourHighIn24 = fourHigh.filter((d) => d.hours !== null && d.hours <= 24).length / Math.max(1, fourHigh.length);
  const skuFalse = (1000 * nullAlarms.detector.sku) / skuDays;
  const lines = [
    BEGIN_MARK,
    '## `npm run bench:alerts`',
    '',
    'The early-warning detector (`src/alerts`, the same pure functions the analysis step and the sweep call) on a',
    'simulated shop in memory; the model is described at the top of `bench/alerts.bench.ts` and in',
    '[docs/alerts.md](../docs/alerts.md#the-simulation). Settings: `BENCH_RUNS`, `BENCH_SEED`, `BENCH_WRITE_RESULTS=0`.',
    '',
    '### Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${cpus().length} cores, ${cpuModel()}, ${format(totalmem() / 2 ** 30, 1)} GiB memory, node ${process.version}; one core; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the end`,
    `- command: \`BENCH_RUNS=${SETTINGS.runs} BENCH_SEED=${SETTINGS.seed} BENCH_VOLUME_SD=${SETTINGS.volumeSd} npm run bench:alerts\` (${format((Date.now() - started) / 1000, 0)} s)`,
    `- shop: ${format(SKUS)} SKUs, volumes log-normal with log-sd ${SETTINGS.volumeSd}, ${format(reviewsPerDay / SETTINGS.runs)} reviews a day on average, ${format(highSkus / SETTINGS.runs, 1)} SKUs with >= 5 reviews a day; ${DAYS} days, alerts counted on the last ${DAYS - MONITOR_FROM_DAY}; batches of ${BATCH_MINUTES} minutes`,
    `- detector settings (${Object.keys(process.env).some((k) => k.startsWith('BENCH_ALERT_')) ? 'BENCH_ALERT_* overrides' : 'the defaults, `DEFAULT_ALERT_SETTINGS`'}): SKU threshold ${settings.subjects.sku.threshold} (carriers, agents, shop ${settings.subjects.carrier.threshold}), at least ${settings.minBad} bad in the window, SKU window ${settings.subjects.sku.windowHours} h, at least ${settings.subjects.sku.windowMinReviews} and at most ${settings.subjects.sku.windowReviews} reviews, CUSUM at ${settings.cusumMultiple}x with an in-control ARL of ${format(settings.cusumArlDays)} days of the subject's reviews, kept running per subject`,
    `- naive rule: the bad rate of the last ${NAIVE_WINDOW_HOURS} h above 2x the subject's own rate over the ${settings.baselineDays} days before (the shop's rate without history), same subjects, causes and batches`,
    '',
    '#### Detection of injected defects (defect stream)',
    '',
    'Detector:',
    '',
    ...detectionTable(results.detector, topVolume),
    '',
    'Naive rule:',
    '',
    ...detectionTable(results.naive, topVolume),
    '',
    '#### False alarms (null stream: nothing injected)',
    '',
    '| alerts opened, days 60-89 | detector | naive rule |',
    '| --- | ---: | ---: |',
    `| SKU alerts (any cause or quality) per 1,000 SKU-days | ${per1000(nullAlarms.detector.sku)} | ${per1000(nullAlarms.naive.sku)} |`,
    `| SKU alerts in all (${SETTINGS.runs} runs x ${format(SKUS * (DAYS - MONITOR_FROM_DAY))} SKU-days) | ${format(nullAlarms.detector.sku)} | ${format(nullAlarms.naive.sku)} |`,
    `| carrier alerts (6 carriers) per run | ${format(nullAlarms.detector.carrier / SETTINGS.runs, 1)} | ${format(nullAlarms.naive.carrier / SETTINGS.runs, 1)} |`,
    `| agent alerts (12 agents) per run | ${format(nullAlarms.detector.agent / SETTINGS.runs, 1)} | ${format(nullAlarms.naive.agent / SETTINGS.runs, 1)} |`,
    `| shop-wide alerts per run | ${format(nullAlarms.detector.shop / SETTINGS.runs, 1)} | ${format(nullAlarms.naive.shop / SETTINGS.runs, 1)} |`,
    '',
    `Goal: a 4x rise detected within 24 simulated hours in >= 90 % of runs, with <= 1 false alarm per 1,000 SKU-days: on the best sellers (${format(topVolume, 0)} reviews a day on average) ${format(100 * fourHighIn24)} % (${fourHighIn24 >= 0.9 ? 'met' : 'NOT met'}), false alarms ${format(skuFalse, 2)} per 1,000 SKU-days (${skuFalse <= 1 ? 'met' : 'NOT met'}). On SKUs with fewer reviews a 4x rise is not detectable in 24 hours by any rule at that false-alarm rate: a SKU with 1 review a day and a 4 % rate sends about 0.16 bad reviews in 24 hours after it turns 4x bad.`,
    END_MARK,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (SETTINGS.writeResults) writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
}

main();

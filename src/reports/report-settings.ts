/**
 * Per-shop report settings. A shop stores only what it changed (shops.report_settings); everything else
 * is the default below. The effective settings are copied into every report, so a snapshot says which
 * thresholds produced it.
 */
export interface ReportSettings {
  /** a carrier or an agent gets an action item from this many complaints in the period */
  actionMinComplaints: number;
  /** rows of the product, carrier and agent tables */
  tableRows: number;
  /** example quotes per cause */
  quotesPerCause: number;
  /** longest quote, in characters */
  quoteMaxChars: number;
  /** generate last week's report every Monday */
  scheduleEnabled: boolean;
  /** local hour (shop time zone) on Monday from which last week's report is generated */
  scheduleHour: number;
}

export type ReportSettingsOverrides = Partial<ReportSettings>;

export const DEFAULT_REPORT_SETTINGS: Readonly<ReportSettings> = Object.freeze({
  actionMinComplaints: 2,
  tableRows: 10,
  quotesPerCause: 3,
  quoteMaxChars: 60,
  scheduleEnabled: true,
  scheduleHour: 6,
});

interface Limit {
  min: number;
  max: number;
  integer: boolean;
}

/** Bounds of the numeric settings: the DTO and the reader of stored overrides share them. */
export const SETTING_LIMITS: Record<Exclude<keyof ReportSettings, 'scheduleEnabled'>, Limit> = {
  actionMinComplaints: { min: 1, max: 1000, integer: true },
  tableRows: { min: 1, max: 100, integer: true },
  quotesPerCause: { min: 0, max: 10, integer: true },
  quoteMaxChars: { min: 20, max: 200, integer: true },
  scheduleHour: { min: 0, max: 23, integer: true },
};

/** Defaults overlaid with the shop's stored overrides; a stored value out of bounds is ignored. */
export function effectiveSettings(overrides: unknown): ReportSettings {
  const settings: ReportSettings = { ...DEFAULT_REPORT_SETTINGS };
  if (typeof overrides !== 'object' || overrides === null) return settings;
  const stored = overrides as Record<string, unknown>;
  if (typeof stored.scheduleEnabled === 'boolean') settings.scheduleEnabled = stored.scheduleEnabled;
  for (const [key, limit] of Object.entries(SETTING_LIMITS) as [keyof typeof SETTING_LIMITS, Limit][]) {
    const value = stored[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < limit.min || value > limit.max) continue;
    if (limit.integer && !Number.isInteger(value)) continue;
    settings[key] = value;
  }
  return settings;
}

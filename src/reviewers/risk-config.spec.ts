import { DEFAULT_RISK_CONFIG, mergeRiskConfig, resolveRiskConfig, validateRiskConfigOverride } from './risk-config';
import { SIGNAL_CODES } from './reviewer-risk.types';

describe('risk configuration', () => {
  it('has settings with a weight for every signal', () => {
    for (const code of SIGNAL_CODES) expect(DEFAULT_RISK_CONFIG.signals[code].weight).toBeGreaterThanOrEqual(0);
    expect(Object.keys(DEFAULT_RISK_CONFIG.signals).sort()).toEqual([...SIGNAL_CODES].sort());
  });

  it('accepts its own defaults as an override', () => {
    expect(validateRiskConfigOverride(DEFAULT_RISK_CONFIG)).toEqual([]);
  });

  it('deep-merges a partial override and leaves the defaults alone', () => {
    const merged = mergeRiskConfig(DEFAULT_RISK_CONFIG, { levels: { high: 80 }, signals: { bad_review_burst: { windowDays: 3 } } });
    expect(merged.levels).toEqual({ medium: 40, high: 80 });
    expect(merged.signals.bad_review_burst).toEqual({ ...DEFAULT_RISK_CONFIG.signals.bad_review_burst, windowDays: 3 });
    expect(merged.signals.off_platform_contact).toBe(DEFAULT_RISK_CONFIG.signals.off_platform_contact);
    expect(DEFAULT_RISK_CONFIG.levels.high).toBe(70);
  });

  it.each([
    [{ levels: { high: 120 } }, 'levels.high', 'max'],
    [{ levels: { medium: 80 } }, 'levels.high', 'order'],
    [{ signals: { bad_review_burst: { weight: -1 } } }, 'signals.bad_review_burst.weight', 'min'],
    [{ signals: { bad_review_burst: { windowDays: 0 } } }, 'signals.bad_review_burst.windowDays', 'min'],
    [{ signals: { bad_review_burst: { windowDays: '7' } } }, 'signals.bad_review_burst.windowDays', 'isNumber'],
    [{ signals: { bad_review_burst: { startCount: 9 } } }, 'signals.bad_review_burst.fullCount', 'order'],
    [{ signals: { template_text: { minLength: 10.5 } } }, 'signals.template_text.minLength', 'isInt'],
    [{ signals: { not_a_signal: { weight: 1 } } }, 'signals.not_a_signal', 'unknown'],
    [{ signals: { off_platform_contact: { colour: 1 } } }, 'signals.off_platform_contact.colour', 'unknown'],
    [{ signals: { off_platform_contact: 2 } }, 'signals.off_platform_contact', 'isObject'],
    [{ negativeRatingMax: 5 }, 'negativeRatingMax', 'max'],
    [{ dismissedWeightFactor: Number.NaN }, 'dismissedWeightFactor', 'isNumber'],
  ])('reports %j at %s (%s)', (override, field, code) => {
    const problems = validateRiskConfigOverride(override);
    expect(problems).toEqual([expect.objectContaining({ field, code, message: expect.stringContaining(field) })]);
  });

  it('rejects an override that is not an object', () => {
    expect(validateRiskConfigOverride([1, 2])).toEqual([expect.objectContaining({ code: 'isObject' })]);
    expect(validateRiskConfigOverride(null)).toEqual([]);
  });

  it('resolves a valid override and refuses an invalid one', () => {
    const ok = resolveRiskConfig({ signals: { compensation_demand: { weight: 2 } } });
    expect(ok.ok && ok.config.signals.compensation_demand.weight).toBe(2);
    const bad = resolveRiskConfig({ signals: { compensation_demand: { weight: 11 } } });
    expect(bad).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'signals.compensation_demand.weight' })] });
  });
});

import { DEFAULT_ALERT_SETTINGS } from './alert-detector';
import { resolveAlertSettings } from './alert-settings';

describe('resolveAlertSettings', () => {
  it('returns the defaults for an empty override', () => {
    const resolved = resolveAlertSettings({});
    expect(resolved).toEqual({ ok: true, settings: DEFAULT_ALERT_SETTINGS, override: {} });
  });

  it('merges a partial override into the defaults without changing them', () => {
    const resolved = resolveAlertSettings({ minBad: 3, subjects: { sku: { windowHours: 24 }, agent: { enabled: false } } });
    if (!resolved.ok) throw new Error('expected ok');
    expect(resolved.settings.minBad).toBe(3);
    expect(resolved.settings.subjects.sku).toEqual({ ...DEFAULT_ALERT_SETTINGS.subjects.sku, windowHours: 24 });
    expect(resolved.settings.subjects.agent.enabled).toBe(false);
    expect(resolved.settings.subjects.carrier).toEqual(DEFAULT_ALERT_SETTINGS.subjects.carrier);
    expect(resolved.override).toEqual({ minBad: 3, subjects: { sku: { windowHours: 24 }, agent: { enabled: false } } });
    expect(DEFAULT_ALERT_SETTINGS.minBad).toBe(2);
    expect(DEFAULT_ALERT_SETTINGS.subjects.sku.windowHours).toBe(72);
  });

  it.each([
    [{ minBad: 0 }, 'minBad'],
    [{ minBad: 2.5 }, 'minBad'],
    [{ baselineDays: 400 }, 'baselineDays'],
    [{ resolveAbove: '0.2' }, 'resolveAbove'],
    [{ cusumReviews: 10 }, 'cusumReviews'],
    [{ subjects: { sku: { threshold: 0.5 } } }, 'subjects.sku.threshold'],
    [{ subjects: { sku: { windowReviews: 1 } } }, 'subjects.sku.windowReviews'],
    [{ subjects: { sku: { enabled: 'yes' } } }, 'subjects.sku.enabled'],
    [{ subjects: { sku: { colour: 1 } } }, 'subjects.sku.colour'],
    [{ subjects: { warehouse: {} } }, 'subjects.warehouse'],
    [{ subjects: [] }, 'subjects'],
  ])('refuses %j at %s', (input, field) => {
    const resolved = resolveAlertSettings(input as Record<string, unknown>);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.problems.map((p) => p.field)).toEqual([field]);
  });
});

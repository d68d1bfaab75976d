import type { FieldProblem } from '../common/errors/domain-error';
import { AlertSettings, DEFAULT_ALERT_SETTINGS, SUBJECT_TYPES, SubjectType, SubjectTypeSettings } from './alert-detector';

/** What a shop may change, and within which bounds (docs/alerts.md, "Settings"). */
const GLOBAL_LIMITS = {
  minBad: [1, 50],
  baselineDays: [14, 180],
  resolveAbove: [0.001, 0.9],
  cusumMultiple: [1.5, 10],
  cusumArlDays: [0, 100000],
} as const satisfies Record<string, readonly [number, number]>;
const SUBJECT_LIMITS = {
  threshold: [1e-9, 0.1],
  windowHours: [1, 720],
  windowReviews: [5, 10000],
  windowMinReviews: [0, 10000],
} as const satisfies Record<string, readonly [number, number]>;
const INTEGER_FIELDS = new Set(['minBad', 'baselineDays', 'cusumArlDays', 'windowHours', 'windowReviews', 'windowMinReviews']);

export type AlertSettingsOverride = Partial<Omit<AlertSettings, 'subjects' | 'cusumReviews'>> & {
  subjects?: Partial<Record<SubjectType, Partial<SubjectTypeSettings>>>;
};

export type Resolved = { ok: true; settings: AlertSettings; override: AlertSettingsOverride } | { ok: false; problems: FieldProblem[] };

function checkNumber(field: string, value: unknown, [min, max]: readonly [number, number], problems: FieldProblem[]): number | undefined {
  if (value === undefined) return undefined;
  const integer = INTEGER_FIELDS.has(field.split('.').pop()!);
  if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    problems.push({ field, code: 'outOfRange', message: `${field} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}` });
    return undefined;
  }
  return value;
}

/** The defaults with a shop's override merged in, or what is wrong with the override. */
export function resolveAlertSettings(input: Record<string, unknown>): Resolved {
  const problems: FieldProblem[] = [];
  const override: AlertSettingsOverride = {};
  const settings: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, subjects: { ...DEFAULT_ALERT_SETTINGS.subjects } };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'subjects') continue;
    if (!(key in GLOBAL_LIMITS)) {
      problems.push({ field: key, code: 'unknownSetting', message: `${key} is not an alert setting` });
      continue;
    }
    const field = key as keyof typeof GLOBAL_LIMITS;
    const checked = checkNumber(field, value, GLOBAL_LIMITS[field], problems);
    if (checked !== undefined) {
      override[field] = checked;
      settings[field] = checked;
    }
  }
  const subjects = input.subjects;
  if (subjects !== undefined) {
    if (typeof subjects !== 'object' || subjects === null || Array.isArray(subjects)) {
      problems.push({ field: 'subjects', code: 'isObject', message: 'subjects must be an object by subject type' });
    } else {
      override.subjects = {};
      for (const [type, change] of Object.entries(subjects as Record<string, unknown>)) {
        if (!(SUBJECT_TYPES as readonly string[]).includes(type)) {
          problems.push({
            field: `subjects.${type}`,
            code: 'unknownSubjectType',
            message: `subjects.${type}: the subject types are ${SUBJECT_TYPES.join(', ')}`,
          });
          continue;
        }
        if (typeof change !== 'object' || change === null || Array.isArray(change)) {
          problems.push({ field: `subjects.${type}`, code: 'isObject', message: `subjects.${type} must be an object` });
          continue;
        }
        const subjectType = type as SubjectType;
        const merged: SubjectTypeSettings = { ...settings.subjects[subjectType] };
        const kept: Partial<SubjectTypeSettings> = {};
        for (const [key, value] of Object.entries(change as Record<string, unknown>)) {
          const field = `subjects.${type}.${key}`;
          if (key === 'enabled') {
            if (typeof value !== 'boolean') problems.push({ field, code: 'isBoolean', message: `${field} must be true or false` });
            else merged.enabled = kept.enabled = value;
          } else if (key in SUBJECT_LIMITS) {
            const name = key as keyof typeof SUBJECT_LIMITS;
            const checked = checkNumber(field, value, SUBJECT_LIMITS[name], problems);
            if (checked !== undefined) merged[name] = kept[name] = checked;
          } else {
            problems.push({ field, code: 'unknownSetting', message: `${field} is not an alert setting` });
          }
        }
        settings.subjects[subjectType] = merged;
        override.subjects[subjectType] = kept;
      }
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, settings, override };
}

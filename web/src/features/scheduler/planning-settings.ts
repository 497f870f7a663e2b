/**
 * The planning settings form, pure: the service's bounds (PlanningSettingsDto) as the form shows
 * them, shares as percentages (80 for 0.8), each field's problem, and the body to send.
 */
import type { components } from '../../lib/api/schema';

export type PlanningSettings = components['schemas']['PlanningSettingsDto'];

export type SettingField =
  | 'targetServiceLevel'
  | 'targetAnswerSeconds'
  | 'shrinkage'
  | 'maxOccupancy'
  | 'hostileCallRate'
  | 'recoveryMinutesPerHostileCall'
  | 'wellbeingHistoryWeeks';

export interface FieldRule {
  /** Stored as a share (0.8), shown as a percentage (80). */
  percent: boolean;
  /** Bounds as shown (percentages for shares). */
  min: number;
  max: number;
  /** Decimal places the field takes as shown. */
  decimals: number;
  /** Empty is allowed (sent as null). */
  optional?: boolean;
}

/** The DTO's bounds: targetServiceLevel 0.01–0.9999, targetAnswerSeconds whole 0–3600, and so on. */
export const SETTING_RULES: Record<SettingField, FieldRule> = {
  targetServiceLevel: { percent: true, min: 1, max: 99.99, decimals: 2 },
  targetAnswerSeconds: { percent: false, min: 0, max: 3600, decimals: 0 },
  shrinkage: { percent: true, min: 0, max: 90, decimals: 2 },
  maxOccupancy: { percent: true, min: 10, max: 100, decimals: 2, optional: true },
  hostileCallRate: { percent: true, min: 0, max: 100, decimals: 2 },
  recoveryMinutesPerHostileCall: { percent: false, min: 0, max: 240, decimals: 2 },
  wellbeingHistoryWeeks: { percent: false, min: 1, max: 26, decimals: 0 },
};

export const SETTING_FIELDS = Object.keys(SETTING_RULES) as SettingField[];

/** What the form holds: numbers as shown, '' for an empty field. */
export type SettingsForm = Record<SettingField, number | ''>;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The stored settings as the form shows them (0.8 → 80). */
export function settingsToForm(s: PlanningSettings): SettingsForm {
  const form = {} as SettingsForm;
  for (const field of SETTING_FIELDS) {
    const rule = SETTING_RULES[field];
    const value = s[field] as number | null | undefined;
    form[field] =
      value === null || value === undefined
        ? ''
        : round(rule.percent ? value * 100 : value, rule.decimals);
  }
  return form;
}

export type FieldProblem =
  | { problem: 'required' }
  | { problem: 'whole' }
  | { problem: 'decimals'; decimals: number }
  | { problem: 'range'; min: number; max: number };

/** Why a field's value would be refused, or null when the service takes it. */
export function fieldProblem(field: SettingField, value: number | ''): FieldProblem | null {
  const rule = SETTING_RULES[field];
  if (value === '' || !Number.isFinite(value))
    return rule.optional && value === '' ? null : { problem: 'required' };
  if (rule.decimals === 0 && !Number.isInteger(value)) return { problem: 'whole' };
  if (round(value, rule.decimals) !== value)
    return { problem: 'decimals', decimals: rule.decimals };
  if (value < rule.min || value > rule.max)
    return { problem: 'range', min: rule.min, max: rule.max };
  return null;
}

/** Every field's problem (only the fields that have one). */
export function formProblems(form: SettingsForm): Partial<Record<SettingField, FieldProblem>> {
  const out: Partial<Record<SettingField, FieldProblem>> = {};
  for (const field of SETTING_FIELDS) {
    const p = fieldProblem(field, form[field]);
    if (p) out[field] = p;
  }
  return out;
}

/** The body for PUT planning-settings (80 → 0.8, empty occupancy limit → null), or null if a field is wrong. */
export function formToSettings(form: SettingsForm): PlanningSettings | null {
  if (Object.keys(formProblems(form)).length) return null;
  const value = (field: SettingField): number | null => {
    const v = form[field];
    if (v === '') return null;
    const rule = SETTING_RULES[field];
    // Two decimals of a percentage are four of a share: 99.99 → 0.9999 exactly.
    return rule.percent ? round(v / 100, rule.decimals + 2) : v;
  };
  return {
    targetServiceLevel: value('targetServiceLevel')!,
    targetAnswerSeconds: value('targetAnswerSeconds')!,
    shrinkage: value('shrinkage')!,
    maxOccupancy: value('maxOccupancy'),
    hostileCallRate: value('hostileCallRate')!,
    recoveryMinutesPerHostileCall: value('recoveryMinutesPerHostileCall')!,
    wellbeingHistoryWeeks: value('wellbeingHistoryWeeks')!,
  };
}

/** Whether the form says something other than the stored settings. */
export function settingsChanged(form: SettingsForm, stored: PlanningSettings): boolean {
  const shown = settingsToForm(stored);
  return SETTING_FIELDS.some((f) => form[f] !== shown[f]);
}

/** The settings fields a VALIDATION_FAILED refusal names (`details.fields[].field`), known ones only. */
export function refusedFields(details: unknown): SettingField[] {
  const fields = (details as { fields?: Array<{ field?: unknown }> } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  const known = new Set<string>(SETTING_FIELDS);
  return [
    ...new Set(
      fields
        .map((f) => f?.field)
        .filter((f): f is SettingField => typeof f === 'string' && known.has(f)),
    ),
  ];
}

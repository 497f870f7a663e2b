import { describe, expect, it } from 'vitest';
import {
  fieldProblem,
  formProblems,
  formToSettings,
  refusedFields,
  settingsChanged,
  settingsToForm,
  type PlanningSettings,
} from './planning-settings';

const stored: PlanningSettings = {
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  shrinkage: 0.3,
  maxOccupancy: null,
  hostileCallRate: 0.05,
  recoveryMinutesPerHostileCall: 7,
  wellbeingHistoryWeeks: 4,
};

describe('planning settings form', () => {
  it('shows shares as percentages and an unset occupancy limit as empty', () => {
    expect(settingsToForm(stored)).toEqual({
      targetServiceLevel: 80,
      targetAnswerSeconds: 20,
      shrinkage: 30,
      maxOccupancy: '',
      hostileCallRate: 5,
      recoveryMinutesPerHostileCall: 7,
      wellbeingHistoryWeeks: 4,
    });
    // Floating-point noise does not show: 0.07 × 100 is 7.000000000000001.
    expect(settingsToForm({ ...stored, hostileCallRate: 0.07, maxOccupancy: 0.85 })).toMatchObject({
      hostileCallRate: 7,
      maxOccupancy: 85,
    });
  });

  it('sends percentages back as shares, exactly at the bounds', () => {
    const form = settingsToForm(stored);
    expect(formToSettings(form)).toEqual(stored);
    expect(
      formToSettings({ ...form, targetServiceLevel: 99.99, shrinkage: 90, maxOccupancy: 85.5 }),
    ).toMatchObject({ targetServiceLevel: 0.9999, shrinkage: 0.9, maxOccupancy: 0.855 });
    expect(formToSettings({ ...form, targetServiceLevel: 1 })?.targetServiceLevel).toBe(0.01);
    expect(formToSettings({ ...form, hostileCallRate: 7 })?.hostileCallRate).toBe(0.07);
  });

  it("mirrors the DTO's bounds field by field", () => {
    expect(fieldProblem('targetServiceLevel', 100)).toEqual({
      problem: 'range',
      min: 1,
      max: 99.99,
    });
    expect(fieldProblem('targetServiceLevel', 0.5)).toMatchObject({ problem: 'range' });
    expect(fieldProblem('shrinkage', 90)).toBeNull();
    expect(fieldProblem('shrinkage', 90.01)).toMatchObject({ problem: 'range', max: 90 });
    expect(fieldProblem('maxOccupancy', 9)).toMatchObject({ problem: 'range', min: 10 });
    expect(fieldProblem('maxOccupancy', '')).toBeNull();
    expect(fieldProblem('hostileCallRate', 101)).toMatchObject({ problem: 'range' });
    expect(fieldProblem('recoveryMinutesPerHostileCall', 240)).toBeNull();
    expect(fieldProblem('recoveryMinutesPerHostileCall', 241)).toMatchObject({ problem: 'range' });
    expect(fieldProblem('targetAnswerSeconds', 3601)).toMatchObject({ problem: 'range' });
    expect(fieldProblem('targetAnswerSeconds', 20.5)).toEqual({ problem: 'whole' });
    expect(fieldProblem('wellbeingHistoryWeeks', 0)).toMatchObject({ problem: 'range', min: 1 });
    expect(fieldProblem('wellbeingHistoryWeeks', 27)).toMatchObject({ problem: 'range', max: 26 });
    expect(fieldProblem('shrinkage', 30.125)).toEqual({ problem: 'decimals', decimals: 2 });
    expect(fieldProblem('shrinkage', '')).toEqual({ problem: 'required' });
    expect(fieldProblem('targetAnswerSeconds', Number.NaN)).toEqual({ problem: 'required' });
  });

  it('sends nothing while a field is wrong', () => {
    const form = { ...settingsToForm(stored), shrinkage: 95 as const };
    expect(Object.keys(formProblems(form))).toEqual(['shrinkage']);
    expect(formToSettings(form)).toBeNull();
  });

  it('knows when the form differs from what is stored', () => {
    const form = settingsToForm(stored);
    expect(settingsChanged(form, stored)).toBe(false);
    expect(settingsChanged({ ...form, targetAnswerSeconds: 15 }, stored)).toBe(true);
    expect(settingsChanged({ ...form, maxOccupancy: 85 }, stored)).toBe(true);
  });

  it("names the fields a refusal's details name, and only settings fields", () => {
    expect(
      refusedFields({
        fields: [
          { field: 'shrinkage', messages: ['shrinkage must not be greater than 0.9'] },
          { field: 'shrinkage', messages: ['shrinkage must be a number'] },
          { field: 'somethingElse', messages: [] },
        ],
      }),
    ).toEqual(['shrinkage']);
    expect(refusedFields(undefined)).toEqual([]);
    expect(refusedFields({ fields: 'x' })).toEqual([]);
  });
});

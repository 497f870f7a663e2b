import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type TagKind = 'dialect' | 'skill';

/** The rule of useTagName, on any `t` (tested with the real dictionaries). */
export function nameOfTag(t: TFunction, kind: TagKind, tag: string, label?: string): string {
  const key = `${kind === 'dialect' ? 'dialectNames' : 'skillNames'}.${tag}`;
  const seeded = t(key, { ns: 'translation', lng: 'en', defaultValue: '' });
  if (label !== undefined && label !== seeded) return label;
  return t(key, { ns: 'translation', defaultValue: label ?? tag });
}

/**
 * A dialect's or skill's name in the person's language: the common dictionary for the catalogue's
 * seeded tags (四川话, 退换货 on a Chinese page), else the catalogue's own `label`, else the code.
 * A label an admin changed (it differs from the seeded English name) is theirs and shown as written.
 */
export function useTagName(): (kind: TagKind, tag: string, label?: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (kind: TagKind, tag: string, label?: string) => nameOfTag(t, kind, tag, label),
    [t],
  );
}

/** useTagName for dialects alone (the planner's coverage, forecasts and open shifts). */
export function useDialectName(): (tag: string) => string {
  const name = useTagName();
  return useCallback((tag: string) => name('dialect', tag), [name]);
}

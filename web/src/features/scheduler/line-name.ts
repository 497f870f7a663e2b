import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialectName } from '../../lib/i18n/tag-names';

/**
 * The name of a forecast, staffing or coverage line: its dialect by name, or "All calls" for the
 * team-wide line (dialect '').
 */
export function useLineName(): (dialect: string) => string {
  const { t } = useTranslation('scheduler');
  const dialectName = useDialectName();
  return useCallback((d: string) => (d ? dialectName(d) : t('allCalls')), [t, dialectName]);
}

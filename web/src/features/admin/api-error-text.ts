import { ApiError } from '../../lib/api/client';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A readable message for an error from the API: the code's own sentence (`errors.<CODE>` in the
 * admin namespace), with the fields a VALIDATION_FAILED names; a generic one for anything else.
 */
export function apiErrorText(error: unknown, t: Translate, exists: (key: string) => boolean) {
  if (!(error instanceof ApiError)) return t('errors.network');
  const key = `errors.${error.code}`;
  const base = exists(key) ? t(key) : t('errors.other', { status: error.status });
  const fields = (error.details as { fields?: Array<{ field: string }> } | undefined)?.fields;
  const tags = (error.details as { tags?: string[] } | undefined)?.tags;
  if (error.code === 'VALIDATION_FAILED' && fields?.length)
    return `${base} ${t('errors.fields', { fields: fields.map((f) => fieldName(f.field, t, exists)).join(', ') })}`;
  if (tags?.length) return `${base} (${tags.join(', ')})`;
  return base;
}

function fieldName(field: string, t: Translate, exists: (key: string) => boolean): string {
  // openingHours.0.open → fields.openingHours_open: the index says nothing to a person.
  const key = `fields.${field.replace(/\.\d+/g, '').replace(/\./g, '_')}`;
  return exists(key) ? t(key) : field;
}

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { apiErrorText } from './api-error-text';

const strings: Record<string, string> = {
  'errors.UNKNOWN_SITE': 'That site no longer exists.',
  'errors.VALIDATION_FAILED': 'Some values are not accepted.',
  'errors.RETIRED_TAG': 'This tag is retired.',
  'errors.fields': 'Check: {{fields}}.',
  'errors.other': 'The server refused ({{status}}).',
  'errors.network': 'No answer from the server.',
  'fields.timeZone': 'Time zone',
  'fields.openingHours_open': 'Opens at',
};
const t = (key: string, o: Record<string, unknown> = {}) =>
  strings[key].replace(/{{(\w+)}}/g, (_, k) => String(o[k]));
const exists = (key: string) => key in strings;

describe('apiErrorText', () => {
  it('turns a known code into its sentence', () =>
    expect(apiErrorText(new ApiError(400, 'UNKNOWN_SITE', 'x'), t, exists)).toBe(
      'That site no longer exists.',
    ));

  it('names the refused fields of a VALIDATION_FAILED in words', () =>
    expect(
      apiErrorText(
        new ApiError(400, 'VALIDATION_FAILED', 'x', {
          fields: [{ field: 'timeZone' }, { field: 'openingHours.0.open' }, { field: 'other' }],
        }),
        t,
        exists,
      ),
    ).toBe('Some values are not accepted. Check: Time zone, Opens at, other.'));

  it('lists the tags a tag error is about', () =>
    expect(
      apiErrorText(new ApiError(400, 'RETIRED_TAG', 'x', { tags: ['elder-care'] }), t, exists),
    ).toBe('This tag is retired. (elder-care)'));

  it('falls back for unknown codes and network failures', () => {
    expect(apiErrorText(new ApiError(502, 'HTTP_502', 'x'), t, exists)).toBe(
      'The server refused (502).',
    );
    expect(apiErrorText(new TypeError('fetch failed'), t, exists)).toBe(
      'No answer from the server.',
    );
  });
});

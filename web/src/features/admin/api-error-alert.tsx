import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorText } from './api-error-text';

/** The API's refusal of an admin change, as a sentence (nothing when there is no error). */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation('admin');
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {apiErrorText(error, t as never, (key) => i18n.exists(key, { ns: 'admin' }))}
    </Alert>
  );
}

import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from './api-error-alert';

/** The foot of an admin edit dialog: the API's refusal, if any, then Cancel and Save. */
export function EditFooter({
  error,
  saving,
  disabled,
  onCancel,
}: {
  error: unknown;
  saving: boolean;
  disabled?: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <ApiErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={saving} disabled={disabled}>
          {t('save')}
        </Button>
      </Group>
    </>
  );
}

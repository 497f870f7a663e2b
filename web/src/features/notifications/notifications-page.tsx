import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useNotifications } from './notifications';

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { items, markAllRead } = useNotifications();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  useEffect(() => markAllRead(), [markAllRead]);
  return (
    <Stack maw={640}>
      <Group justify="space-between">
        <Title order={2}>{t('notifications.title')}</Title>
        <Button variant="subtle" onClick={markAllRead}>
          {t('notifications.markRead')}
        </Button>
      </Group>
      {items.length === 0 && <Text c="dimmed">{t('notifications.empty')}</Text>}
      <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }} aria-live="polite">
        {items.map((n) => (
          <Paper component="li" key={n.id} withBorder p="sm">
            <Text fw={600}>{t(`notifications.types.${n.type}`, { defaultValue: n.type })}</Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(n.at, i18n.language, zone)}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

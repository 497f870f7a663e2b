import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { useNotifications, useNotificationText } from './notifications';

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const { items, markAllRead } = useNotifications();
  const text = useNotificationText();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Opening the list reads it; what was new until then keeps its mark while the page is open.
  const [newAtOpen] = useState(() => new Set(items.filter((n) => !n.read).map((n) => n.id)));
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
      <Stack
        component="ul"
        gap="xs"
        p={0}
        style={{ listStyle: 'none' }}
        aria-live="polite"
        aria-label={t('notifications.title')}
      >
        {items.map((n) => {
          const { title, body, link } = text(n);
          return (
            <Paper component="li" key={n.id} withBorder p="sm" data-testid="notification">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{title}</Text>
                {(!n.read || newAtOpen.has(n.id)) && (
                  <Badge size="sm" color="red" variant="light">
                    {t('notifications.new')}
                  </Badge>
                )}
              </Group>
              {body && <Text size="sm">{body}</Text>}
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {formatDateTime(n.at, i18n.language, zone)}
                </Text>
                <Anchor component={Link} to={link} size="sm">
                  {t('notifications.open')}
                </Anchor>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Stack>
  );
}

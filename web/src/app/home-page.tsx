import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../lib/auth/session';

/** Supervisors, schedulers and admins land here until their workspaces (part 2) exist. */
export default function HomePage() {
  const { t } = useTranslation();
  const person = usePerson();
  return (
    <Paper p="lg" withBorder>
      <Title order={2}>{t('home.title', { name: person.displayName })}</Title>
      <Text mt="sm">{t('home.comingSoon')}</Text>
    </Paper>
  );
}

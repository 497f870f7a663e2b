import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../lib/auth/session';

/**
 * Where a person without a workspace in the app lands (a scheduler without a team: planning is in
 * the API and its documentation; notifications and the account are in the menu).
 */
export default function HomePage() {
  const { t } = useTranslation();
  const person = usePerson();
  return (
    <Paper p="lg" withBorder>
      <Title order={2}>{t('home.title', { name: person.displayName })}</Title>
      <Text mt="sm">
        {t('home.planning')}{' '}
        <Anchor href="/docs" target="_blank" rel="noreferrer">
          {t('home.apiDocs')}
        </Anchor>
      </Text>
    </Paper>
  );
}

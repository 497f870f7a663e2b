import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePerson } from '../lib/auth/session';

/**
 * Where a person without a workspace in the app lands: a scheduler without a team (planning is in
 * the API and its documentation), or a sign-in with the agent role but no agent profile (the desk
 * needs one; it says so rather than showing nothing). Notifications and the account are in the menu.
 */
export default function HomePage() {
  const { t } = useTranslation();
  const person = usePerson();
  const agentWithoutProfile = person.roles.includes('agent') && !person.agentId;
  return (
    <Paper p="lg" withBorder>
      <Title order={2}>{t('home.title', { name: person.displayName })}</Title>
      {agentWithoutProfile ? (
        <Text mt="sm" data-testid="no-agent-profile">
          {t('home.noAgentProfile')}
        </Text>
      ) : (
        <Text mt="sm">
          {t('home.planning')}{' '}
          <Anchor href="/docs" target="_blank" rel="noreferrer">
            {t('home.apiDocs')}
          </Anchor>
        </Text>
      )}
    </Paper>
  );
}

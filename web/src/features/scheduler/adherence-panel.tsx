import { Paper, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TodaysAdherence } from '../../components/todays-adherence';
import type { Agent } from './use-planner';

/** The planner's adherence tab: today against the published schedule, and who is out of it now. */
export function AdherencePanel({
  teamId,
  agents,
  timeZone,
}: {
  teamId: string;
  agents: Agent[];
  timeZone: string;
}) {
  const { t } = useTranslation('scheduler');
  const names = useMemo(() => new Map(agents.map((a) => [a.id, a.displayName])), [agents]);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="xs">
        {t('adherence.title')}
      </Title>
      <TodaysAdherence teamId={teamId} timeZone={timeZone} names={names} />
    </Paper>
  );
}

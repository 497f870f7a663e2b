import {
  Alert,
  Badge,
  Button,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../lib/api/client';
import { formatClock, formatTime } from '../../../lib/format';
import { useAgent } from '../use-agent';

/** My recent calls, and reporting one as hostile (the service then protects me with recovery). */
export function RecentCalls() {
  const { t, i18n } = useTranslation();
  const { agentId, timeZone } = useAgent();
  const queryClient = useQueryClient();
  const calls = useQuery({
    queryKey: ['agent', agentId, 'calls'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/agents/{agentId}/calls', { params: { path: { agentId } } })),
    refetchInterval: 60_000,
  });
  const [reporting, setReporting] = useState<string | null>(null);
  const [severity, setSeverity] = useState('2');
  const [note, setNote] = useState('');
  const [done, setDone] = useState(false);
  const report = useMutation({
    mutationFn: async (callId: string) =>
      unwrap(
        await api.POST('/v1/calls/{callId}/hostile', {
          params: { path: { callId } },
          body: { severity: Number(severity), ...(note ? { note } : {}) },
        }),
      ),
    onSuccess: () => {
      setReporting(null);
      setNote('');
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: ['agent', agentId] });
    },
  });
  const list = calls.data?.calls ?? [];
  return (
    <Paper withBorder p="md" aria-labelledby="calls-title">
      <Title id="calls-title" order={2} size="h4" mb="sm">
        {t('calls.title')}
      </Title>
      {done && (
        <Alert color="teal" mb="sm" withCloseButton onClose={() => setDone(false)} role="status">
          {t('calls.reported')}
        </Alert>
      )}
      {list.length === 0 ? (
        <Text c="dimmed">{t('calls.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls.time')}</Table.Th>
                <Table.Th>{t('calls.duration')}</Table.Th>
                <Table.Th>
                  <span className="sw-visually-hidden">{t('calls.action')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.slice(0, 5).map((c) => (
                <Table.Tr key={c.callId}>
                  <Table.Td>
                    {c.answeredAt ? formatTime(c.answeredAt, i18n.language, timeZone) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {c.durationSeconds != null
                      ? formatClock(c.durationSeconds)
                      : t('calls.ongoing')}
                  </Table.Td>
                  <Table.Td>
                    {c.hostileSeverity ? (
                      <Badge color="orange">{t('calls.hostile')}</Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        onClick={() => setReporting(c.callId)}
                        aria-label={t('calls.reportFor', {
                          time: c.answeredAt
                            ? formatTime(c.answeredAt, i18n.language, timeZone)
                            : '',
                        })}
                      >
                        {t('calls.report')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={reporting !== null}
        onClose={() => setReporting(null)}
        title={t('calls.reportTitle')}
      >
        <Stack>
          <Text size="sm">{t('calls.reportHelp')}</Text>
          <Text fw={600} size="sm" id="severity-label">
            {t('calls.severity')}
          </Text>
          <SegmentedControl
            aria-labelledby="severity-label"
            value={severity}
            onChange={setSeverity}
            data={[
              { value: '1', label: t('calls.severities.1') },
              { value: '2', label: t('calls.severities.2') },
              { value: '3', label: t('calls.severities.3') },
            ]}
          />
          <Textarea
            label={t('calls.note')}
            description={t('calls.noteHelp')}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {report.isError && <Alert color="red">{t('errors.generic')}</Alert>}
          <Button
            color="orange"
            loading={report.isPending}
            onClick={() => reporting && report.mutate(reporting)}
          >
            {t('calls.send')}
          </Button>
        </Stack>
      </Modal>
    </Paper>
  );
}

import { Alert, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvDropZone } from '../../components/csv-drop-zone';
import { api, ApiError, unwrap } from '../../lib/api/client';

type ImportResult = {
  rows: number;
  valid: number;
  created: number;
  errors: { line: number; field: string; code: string; message: string }[];
};

/** Agents from a CSV file: checked by the service row by row first, then the good rows imported. */
export function AgentImport() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [teamId, setTeamId] = useState('');
  const [created, setCreated] = useState<number | null>(null);
  const teams = useQuery({
    queryKey: ['teams', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/teams', { params: { query: { pageSize: 100 } as never } })),
  });
  const run = useMutation({
    mutationFn: async (dryRun: boolean): Promise<ImportResult> =>
      unwrap(
        await api.POST('/v1/agents/import', {
          body: { csv, dryRun, ...(teamId ? { teamId } : {}) },
        }),
      ),
    onSuccess: (result, dryRun) => {
      if (!dryRun) {
        setCreated(result.created);
        void queryClient.invalidateQueries({ queryKey: ['agents'] });
      } else setCreated(null);
    },
  });
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const check = () => run.mutate(true, { onSuccess: (r) => setChecked(r) });
  const readFile = async (file: File) => {
    setCsv(await file.text());
    setChecked(null);
    setCreated(null);
  };
  const error = run.error;
  const headerProblem =
    error instanceof ApiError && error.code === 'INVALID_CSV_HEADER'
      ? (error.details as { missing: string[]; unknown: string[] })
      : null;
  return (
    <Stack maw={900}>
      <Text size="sm">{t('import.intro')}</Text>
      <NativeSelect
        label={t('import.team')}
        value={teamId}
        onChange={(e) => setTeamId(e.currentTarget.value)}
        data={[
          { value: '', label: t('import.noTeam') },
          ...(teams.data?.items ?? []).map((tm) => ({ value: tm.id, label: tm.name })),
        ]}
        maw={360}
      />
      <CsvDropZone
        testId="csv-drop"
        prompt={t('import.drop')}
        chooseLabel={t('import.file')}
        onFile={(f) => void readFile(f)}
      />
      <Textarea
        label={t('import.text')}
        value={csv}
        onChange={(e) => {
          setCsv(e.currentTarget.value);
          setChecked(null);
        }}
        autosize
        minRows={4}
        maxRows={12}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Group>
        <Button
          onClick={check}
          disabled={!csv.trim()}
          loading={run.isPending && run.variables === true}
        >
          {t('import.check')}
        </Button>
        {checked && checked.valid > 0 && created === null && (
          <Button
            color="green"
            loading={run.isPending && run.variables === false}
            onClick={() => run.mutate(false)}
          >
            {t('import.submit', { count: checked.valid })}
          </Button>
        )}
      </Group>
      {headerProblem && (
        <Alert color="red" role="alert">
          {t('import.headerMissing', {
            missing: headerProblem.missing.join(', ') || '—',
            unknown: headerProblem.unknown.join(', ') || '—',
          })}
        </Alert>
      )}
      {error && !headerProblem && (
        <Alert color="red" role="alert">
          {t('import.failed', { message: error.message })}
        </Alert>
      )}
      {created !== null && (
        <Alert color="green" role="status">
          {t('import.done', { count: created })}
        </Alert>
      )}
      {checked && (
        <Stack gap="xs">
          <Text fw={600} data-testid="import-summary">
            {t('import.summary', {
              rows: checked.rows,
              valid: checked.valid,
              bad: checked.rows - checked.valid,
            })}
          </Text>
          {checked.errors.length === 0 ? (
            <Text c="green">{t('import.allGood')}</Text>
          ) : (
            <Table striped data-testid="import-errors">
              <Table.Caption>{t('import.errorsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.line')}</Table.Th>
                  <Table.Th>{t('import.field')}</Table.Th>
                  <Table.Th>{t('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {checked.errors.map((e, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td ff="monospace">{e.field}</Table.Td>
                    <Table.Td>
                      {t(`import.code.${e.code}`, { defaultValue: e.code })}
                      <Text span size="xs" c="dimmed" ml={6}>
                        ({e.message})
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
}

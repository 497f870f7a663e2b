import {
  Button,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import { useDialectName } from '../../lib/i18n/tag-names';
import { timeZones, useNamedRoutingTags } from './admin-data';
import { EditFooter } from './edit-footer';
import { passwordTooShort } from './sign-in-rules';
import { tagWithCode } from './tag-list';

/**
 * The counsellors agents can book: their sign-in and profile are made together (`POST
 * /v1/counseling/counselors`); a sign-in given the Counsellor role alone has no profile, hours or
 * bookings. Their bookings are theirs and the agents' alone: nothing of them shows here.
 */
export function Counsellors() {
  const { t } = useTranslation('admin');
  const dialectName = useDialectName();
  const [adding, setAdding] = useState(false);
  const counsellors = useQuery({
    queryKey: ['counsellors', 'admin'],
    queryFn: async () =>
      unwrap(await api.GET('/v1/counseling/counselors', { params: { query: { pageSize: 100 } } })),
  });
  const items = counsellors.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('counsellors.intro')}
        </Text>
        <Button variant="light" onClick={() => setAdding(true)}>
          {t('counsellors.new')}
        </Button>
      </Group>
      {counsellors.data && items.length === 0 ? (
        <Text c="dimmed">{t('counsellors.none')}</Text>
      ) : (
        <Table striped data-testid="counsellors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.name')}</Table.Th>
              <Table.Th>{t('counsellors.timeZone')}</Table.Th>
              <Table.Th>{t('counsellors.languages')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.displayName}</Table.Td>
                <Table.Td>{c.timeZone}</Table.Td>
                <Table.Td>
                  {c.languages
                    .map((l) => dialectName(l))
                    .join(t('listSeparator', { ns: 'translation' }))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <NewCounsellor onClose={() => setAdding(false)} />}
    </Stack>
  );
}

function NewCounsellor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState<string | null>('Asia/Shanghai');
  const [languages, setLanguages] = useState<string[]>([]);
  const catalogue = useNamedRoutingTags().filter((tag) => tag.kind === 'dialect');
  const dialects = catalogue.map((tag) => ({
    value: tag.tag,
    label: tagWithCode(tag.tag, catalogue),
  }));
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/counseling/counselors', {
          body: {
            email: email.trim(),
            displayName: displayName.trim(),
            password,
            timeZone: timeZone ?? 'Asia/Shanghai',
            ...(languages.length ? { languages } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['counsellors'] });
      void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const passwordShort = passwordTooShort(password);
  const invalid =
    !displayName.trim() || !email.includes('@') || !password || passwordShort || !timeZone;
  return (
    <Modal opened onClose={onClose} title={t('counsellors.new')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('people.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('people.name')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('people.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordShort ? t('people.passwordShort') : undefined}
            autoComplete="new-password"
            required
          />
          <Select
            label={t('counsellors.timeZone')}
            description={t('counsellors.timeZoneHelp')}
            data={timeZones()}
            value={timeZone}
            onChange={setTimeZone}
            searchable
            limit={50}
          />
          <MultiSelect
            label={t('counsellors.languages')}
            description={t('counsellors.languagesHelp')}
            data={dialects}
            value={languages}
            onChange={setLanguages}
            searchable
          />
          <EditFooter
            error={save.error}
            saving={save.isPending}
            disabled={invalid}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}

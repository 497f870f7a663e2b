import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { useRoutingTags } from './admin-data';
import { ApiErrorAlert } from './api-error-alert';

type Tag = components['schemas']['RoutingTagViewDto'];

/** The dialect and skill catalogue: add, relabel, retire (kept by agents, never given anew). */
export function RoutingTags() {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [kind, setKind] = useState<'dialect' | 'skill'>('dialect');
  const tags = useRoutingTags();
  const [tag, setTag] = useState('');
  const [label, setLabel] = useState('');
  const [newKind, setNewKind] = useState<'dialect' | 'skill'>('dialect');
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/routing-tags', { body: { tag: tag.trim(), kind: newKind, label } }),
      ),
    onSuccess: (created) => {
      setTag('');
      setLabel('');
      setKind(created.kind);
      void client.invalidateQueries({ queryKey: ['routing-tags'] });
    },
  });
  const shown = (tags.data?.tags ?? []).filter((x) => x.kind === kind);
  return (
    <Stack maw={900}>
      <Text size="sm">{t('tags.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim() && label.trim()) create.mutate();
        }}
      >
        <Group align="flex-end">
          <NativeSelect
            label={t('tags.kind')}
            value={newKind}
            onChange={(e) => setNewKind(e.currentTarget.value as 'dialect' | 'skill')}
            data={[
              { value: 'dialect', label: t('tags.dialect') },
              { value: 'skill', label: t('tags.skill') },
            ]}
          />
          <TextInput
            label={t('tags.tag')}
            description={newKind === 'dialect' ? t('tags.dialectHelp') : t('tags.skillHelp')}
            value={tag}
            onChange={(e) => setTag(e.currentTarget.value)}
            maxLength={40}
          />
          <TextInput
            label={t('tags.label')}
            description={t('tags.labelHelp')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={100}
          />
          <Button type="submit" loading={create.isPending} disabled={!tag.trim() || !label.trim()}>
            {t('tags.add')}
          </Button>
        </Group>
      </form>
      <ApiErrorAlert error={create.error} />
      {create.isSuccess && (
        <Text size="sm" c="green" role="status">
          {t('tags.added', { tag: create.data.tag })}
        </Text>
      )}
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as 'dialect' | 'skill')}
        data={[
          { value: 'dialect', label: t('tags.dialects') },
          { value: 'skill', label: t('tags.skills') },
        ]}
        w="fit-content"
      />
      <Table striped data-testid="routing-tags">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tags.tag')}</Table.Th>
            <Table.Th>{t('tags.label')}</Table.Th>
            <Table.Th>{t('tags.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((x) => (
            <TagRow key={x.tag} tag={x} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function TagRow({ tag }: { tag: Tag }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [label, setLabel] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: async (body: { label?: string; retired?: boolean }) =>
      unwrap(
        await api.PATCH('/v1/routing-tags/{tag}', { params: { path: { tag: tag.tag } }, body }),
      ),
    onSuccess: () => {
      setLabel(null);
      void client.invalidateQueries({ queryKey: ['routing-tags'] });
    },
  });
  return (
    <Table.Tr>
      <Table.Td ff="monospace">{tag.tag}</Table.Td>
      <Table.Td>
        {label === null ? (
          tag.label
        ) : (
          <Group gap="xs">
            <TextInput
              aria-label={t('tags.labelOf', { tag: tag.tag })}
              value={label}
              onChange={(e) => setLabel(e.currentTarget.value)}
              size="xs"
              maxLength={100}
            />
            <Button
              size="xs"
              disabled={!label.trim()}
              loading={update.isPending}
              onClick={() => update.mutate({ label })}
            >
              {t('save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setLabel(null)}>
              {t('cancel')}
            </Button>
          </Group>
        )}
        {update.error && <ApiErrorAlert error={update.error} />}
      </Table.Td>
      <Table.Td>
        {tag.retiredAt ? (
          <Badge color="gray">{t('tags.retired')}</Badge>
        ) : (
          <Badge color="green">{t('tags.inUse')}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          {label === null && (
            <Button
              size="xs"
              variant="subtle"
              aria-label={t('tags.relabel', { tag: tag.tag })}
              onClick={() => setLabel(tag.label)}
            >
              {t('edit')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color={tag.retiredAt ? 'blue' : 'red'}
            title={tag.retiredAt ? undefined : t('tags.retireHelp')}
            aria-label={t(tag.retiredAt ? 'tags.restoreNamed' : 'tags.retireNamed', {
              tag: tag.tag,
            })}
            loading={update.isPending}
            onClick={() => update.mutate({ retired: !tag.retiredAt })}
          >
            {tag.retiredAt ? t('tags.restore') : t('tags.retire')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

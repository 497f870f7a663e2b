import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  Pagination,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { useNamedRoutingTags, useTeams } from './admin-data';
import { ApiErrorAlert } from './api-error-alert';
import { Counsellors } from './counsellors';
import { EditFooter } from './edit-footer';
import { passwordTooShort } from './sign-in-rules';
import { CatalogueTag, sameTags, TagProficiency, tagLabel } from './tag-list';
import { TagLevelsInput } from './tag-levels-input';

type Agent = components['schemas']['AgentDto'];
type User = components['schemas']['UserDto'];
type Role = 'admin' | 'scheduler' | 'supervisor' | 'counselor' | 'agent';
const ROLES: Role[] = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent'];
const PAGE_SIZE = 25;

/** Agents (as the router knows them), users (who sign in) and counsellors: found, made and edited. */
export function People() {
  const { t } = useTranslation('admin');
  const [kind, setKind] = useState<'agents' | 'users' | 'counsellors'>('agents');
  return (
    <Stack>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as 'agents' | 'users' | 'counsellors')}
        data={[
          { value: 'agents', label: t('people.agents') },
          { value: 'users', label: t('people.users') },
          { value: 'counsellors', label: t('people.counsellors') },
        ]}
        w="fit-content"
      />
      {kind === 'agents' ? <Agents /> : kind === 'users' ? <Users /> : <Counsellors />}
    </Stack>
  );
}

function useTeamNames() {
  const teams = useTeams();
  return {
    teams: teams.data?.items ?? [],
    name: (id: string | null) => (id && teams.data?.items.find((tm) => tm.id === id)?.name) || '—',
  };
}

function Agents() {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Agent | 'new' | null>(null);
  const { name: teamName } = useTeamNames();
  const catalogue = useNamedRoutingTags();
  const agents = useQuery({
    queryKey: ['agents', 'admin', term, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/agents', {
          params: { query: { page, pageSize: PAGE_SIZE, ...(term ? { search: term } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('people.searchAgents')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={360}
        />
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('people.newAgent')}
        </Button>
      </Group>
      {agents.data && agents.data.items.length === 0 ? (
        <Text c="dimmed">{term ? t('people.noneFound') : t('people.noAgents')}</Text>
      ) : (
        <Table striped data-testid="agents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.name')}</Table.Th>
              <Table.Th>{t('people.externalId')}</Table.Th>
              <Table.Th>{t('people.team')}</Table.Th>
              <Table.Th>{t('people.dialects')}</Table.Th>
              <Table.Th>{t('people.skills')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(agents.data?.items ?? []).map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.displayName} {!a.active && <Badge color="gray">{t('inactive')}</Badge>}
                </Table.Td>
                <Table.Td ff="monospace">{a.externalId}</Table.Td>
                <Table.Td>{teamName(a.teamId)}</Table.Td>
                <Table.Td>
                  <TagBadges tags={a.dialects} catalogue={catalogue} />
                </Table.Td>
                <Table.Td>
                  <TagBadges tags={a.skills} catalogue={catalogue} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('people.editNamed', { name: a.displayName })}
                    onClick={() => setEditing(a)}
                  >
                    {t('edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager total={agents.data?.total ?? 0} page={page} onChange={setPage} />
      {editing && (
        <AgentEditor agent={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

/** "武汉话 4": each tag by the name people know, with its level; the code in the tooltip. */
function TagBadges({ tags, catalogue }: { tags: TagProficiency[]; catalogue: CatalogueTag[] }) {
  return (
    <Group gap={4}>
      {tags.map((x) => (
        <Badge key={x.tag} variant="light" tt="none" title={x.tag}>
          {tagLabel(x.tag, catalogue)} {x.proficiency}
        </Badge>
      ))}
    </Group>
  );
}

function Pager({
  total,
  page,
  onChange,
}: {
  total: number;
  page: number;
  onChange: (p: number) => void;
}) {
  const { t } = useTranslation('admin');
  const pages = Math.ceil(total / PAGE_SIZE);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        {t('people.total', { count: total })}
      </Text>
      {pages > 1 && <Pagination total={pages} value={page} onChange={onChange} size="sm" />}
    </Group>
  );
}

/** Edits an agent, or makes a new one (`agent` null) with its optional sign-in. */
function AgentEditor({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const { teams } = useTeamNames();
  const [externalId, setExternalId] = useState('');
  const [displayName, setDisplayName] = useState(agent?.displayName ?? '');
  const [teamId, setTeamId] = useState(agent?.teamId ?? '');
  const [contact, setContact] = useState(agent?.contact ?? '');
  const [active, setActive] = useState(agent?.active ?? true);
  const [dialects, setDialects] = useState<TagProficiency[]>(agent?.dialects ?? []);
  const [skills, setSkills] = useState<TagProficiency[]>(agent?.skills ?? []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const catalogue = useNamedRoutingTags();
  const ofKind = (kind: 'dialect' | 'skill') => catalogue.filter((c) => c.kind === kind);
  const save = useMutation({
    mutationFn: async () => {
      if (!agent) {
        await unwrap(
          await api.POST('/v1/agents', {
            body: {
              externalId: externalId.trim(),
              displayName: displayName.trim(),
              dialects,
              skills,
              ...(teamId ? { teamId } : {}),
              ...(contact.trim() ? { contact: contact.trim() } : {}),
              ...(email.trim() ? { email: email.trim(), password } : {}),
            },
          }),
        );
        return;
      }
      await unwrap(
        await api.PATCH('/v1/agents/{agentId}', {
          params: { path: { agentId: agent.id } },
          body: {
            displayName,
            teamId: teamId || null,
            contact: contact.trim() || null,
            active,
          } as never,
        }),
      );
      if (!sameTags(dialects, agent.dialects) || !sameTags(skills, agent.skills))
        await unwrap(
          await api.PUT('/v1/agents/{agentId}/tags', {
            params: { path: { agentId: agent.id } },
            body: { dialects, skills },
          }),
        );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['agents'] });
      if (!agent) void client.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
  });
  const loginHalf = !agent && !email.trim() !== !password;
  const passwordShort = passwordTooShort(password);
  const invalid =
    !displayName.trim() || (!agent && (!externalId.trim() || loginHalf || passwordShort));
  return (
    <Modal
      opened
      onClose={onClose}
      title={agent ? t('people.editAgent') : t('people.newAgent')}
      size="lg"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <Stack>
          {agent ? (
            <Text size="sm" c="dimmed">
              {t('people.externalId')}: {agent.externalId}
            </Text>
          ) : (
            <TextInput
              label={t('people.externalId')}
              value={externalId}
              onChange={(e) => setExternalId(e.currentTarget.value)}
              required
            />
          )}
          <TextInput
            label={t('people.name')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            required
          />
          <NativeSelect
            label={t('people.team')}
            value={teamId}
            onChange={(e) => setTeamId(e.currentTarget.value)}
            data={[
              { value: '', label: t('people.noTeam') },
              ...teams.map((tm) => ({ value: tm.id, label: tm.name })),
            ]}
          />
          <TextInput
            label={t('people.contact')}
            description={t('people.contactHelp')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
          />
          <TagLevelsInput
            kind="dialect"
            value={dialects}
            onChange={setDialects}
            catalogue={ofKind('dialect')}
          />
          <TagLevelsInput
            kind="skill"
            value={skills}
            onChange={setSkills}
            catalogue={ofKind('skill')}
          />
          {agent ? (
            <Switch
              label={t('people.agentActive')}
              description={t('people.agentActiveHelp')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          ) : (
            <Fieldset legend={t('people.login')}>
              <Stack gap="xs">
                <Text size="xs" c="dimmed">
                  {t('people.loginHelp')}
                </Text>
                <TextInput
                  label={t('people.email')}
                  type="email"
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                />
                <PasswordInput
                  label={t('people.password')}
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={
                    passwordShort
                      ? t('people.passwordShort')
                      : loginHalf
                        ? t('people.loginBoth')
                        : undefined
                  }
                  autoComplete="new-password"
                />
              </Stack>
            </Fieldset>
          )}
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

function Users() {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const [role, setRole] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const { name: teamName } = useTeamNames();
  const users = useQuery({
    queryKey: ['users', term, role, page],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/users', {
          params: {
            query: {
              page,
              pageSize: PAGE_SIZE,
              ...(term ? { search: term } : {}),
              ...(role ? { role: role as Role } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group align="flex-end">
        <TextInput
          label={t('people.searchUsers')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
        />
        <NativeSelect
          label={t('people.role')}
          value={role}
          onChange={(e) => {
            setRole(e.currentTarget.value);
            setPage(1);
          }}
          data={[
            { value: '', label: t('people.anyRole') },
            ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })),
          ]}
        />
        <Button variant="light" onClick={() => setEditing('new')}>
          {t('people.newUser')}
        </Button>
      </Group>
      {users.data && users.data.items.length === 0 ? (
        <Text c="dimmed">{t('people.noneFound')}</Text>
      ) : (
        <Table striped data-testid="users">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.name')}</Table.Th>
              <Table.Th>{t('people.email')}</Table.Th>
              <Table.Th>{t('people.roles')}</Table.Th>
              <Table.Th>{t('people.team')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data?.items ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  {u.displayName} {!u.active && <Badge color="gray">{t('inactive')}</Badge>}
                </Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  {u.roles
                    .map((r) => t(`roles.${r}`))
                    .join(t('listSeparator', { ns: 'translation' }))}
                </Table.Td>
                <Table.Td>{teamName(u.teamId)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    aria-label={t('people.editNamed', { name: u.displayName })}
                    onClick={() => setEditing(u)}
                  >
                    {t('edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Pager total={users.data?.total ?? 0} page={page} onChange={setPage} />
      {editing && (
        <UserEditor user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function UserEditor({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const { teams } = useTeamNames();
  const [email, setEmail] = useState(user?.email ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [teamId, setTeamId] = useState(user?.teamId ?? '');
  const [password, setPassword] = useState('');
  const done = () => {
    void client.invalidateQueries({ queryKey: ['users'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: async () =>
      user
        ? unwrap(
            await api.PATCH('/v1/users/{id}', {
              params: { path: { id: user.id } },
              body: {
                displayName,
                roles: roles as Role[],
                teamId: teamId || null,
                ...(password ? { password } : {}),
              } as never,
            }),
          )
        : unwrap(
            await api.POST('/v1/users', {
              body: {
                email,
                displayName,
                password,
                roles: roles as Role[],
                ...(teamId ? { teamId } : {}),
              },
            }),
          ),
    onSuccess: done,
  });
  const deactivate = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/users/{id}/deactivate', { params: { path: { id: user!.id } } })),
    onSuccess: done,
  });
  const passwordShort = passwordTooShort(password);
  const invalid =
    !displayName.trim() ||
    roles.length === 0 ||
    passwordShort ||
    (!user && (!email.includes('@') || !password));
  const teamBound = roles.some((r) => r === 'supervisor' || r === 'scheduler');
  return (
    <Modal opened onClose={onClose} title={user ? t('people.editUser') : t('people.newUser')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) save.mutate();
        }}
      >
        <Stack>
          {user ? (
            <Text size="sm" c="dimmed">
              {user.email}
            </Text>
          ) : (
            <TextInput
              label={t('people.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
          )}
          <TextInput
            label={t('people.name')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            required
          />
          <Checkbox.Group label={t('people.roles')} value={roles} onChange={setRoles}>
            <Group mt="xs">
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {roles.length === 0 && (
            <Text size="xs" c="red">
              {t('people.needsRole')}
            </Text>
          )}
          {!user && roles.includes('agent') && (
            <Alert color="yellow" p="xs" data-testid="agent-role-hint">
              <Text size="xs">{t('people.agentRoleHint')}</Text>
            </Alert>
          )}
          {!user && roles.includes('counselor') && (
            <Alert color="yellow" p="xs" data-testid="counsellor-role-hint">
              <Text size="xs">{t('people.counsellorRoleHint')}</Text>
            </Alert>
          )}
          <NativeSelect
            label={t('people.team')}
            description={teamBound ? t('people.teamBound') : undefined}
            value={teamId}
            onChange={(e) => setTeamId(e.currentTarget.value)}
            data={[
              { value: '', label: t('people.noTeam') },
              ...teams.map((tm) => ({ value: tm.id, label: tm.name })),
            ]}
          />
          <PasswordInput
            label={user ? t('people.newPassword') : t('people.password')}
            description={user ? t('people.newPasswordHelp') : undefined}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={passwordShort ? t('people.passwordShort') : undefined}
            required={!user}
          />
          <ApiErrorAlert error={save.error ?? deactivate.error} />
          <Group justify="space-between">
            {user?.active ? (
              <Button
                color="red"
                variant="light"
                loading={deactivate.isPending}
                onClick={() => {
                  if (window.confirm(t('people.deactivateConfirm', { name: user.displayName })))
                    deactivate.mutate();
                }}
              >
                {t('people.deactivate')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} disabled={invalid}>
                {t('save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import './i18n';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { AgentImport } from './agent-import';
import { ApiKeys } from './api-keys';
import { AuditLog } from './audit-log';
import { LabourRules } from './labour-rules';
import { People } from './people';
import { RoutingTags } from './routing-tags';
import { SessionSettings } from './session-settings';
import { SitesAndTeams } from './sites-and-teams';
import { WellbeingPolicies } from './wellbeing-policies';

const TABS = {
  sites: SitesAndTeams,
  people: People,
  import: AgentImport,
  tags: RoutingTags,
  keys: ApiKeys,
  wellbeing: WellbeingPolicies,
  labour: LabourRules,
  sessions: SessionSettings,
  audit: AuditLog,
} as const;
type Tab = keyof typeof TABS;

/** The admin console: one tab per thing an admin looks after; the tab is in the address (/admin/<tab>). */
export default function AdminConsole() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const { '*': rest } = useParams();
  const tab: Tab = rest && rest in TABS ? (rest as Tab) : 'sites';
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <Tabs value={tab} onChange={(v) => v && navigate(`/admin/${v}`)} keepMounted={false}>
        <Tabs.List>
          {(Object.keys(TABS) as Tab[]).map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(Object.entries(TABS) as Array<[Tab, () => JSX.Element]>).map(([k, Panel]) => (
          <Tabs.Panel key={k} value={k} pt="md">
            <Panel />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

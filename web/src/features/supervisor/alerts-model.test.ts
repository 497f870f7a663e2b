import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/locales/en/supervisor.json';
import zh from '../../lib/i18n/locales/zh-CN/supervisor.json';
import { ALERT_KINDS, latestPerAgentAndKind } from './alerts-model';

const alert = (id: string, agentId: string, kind: string, minute: number) => ({
  id,
  agentId,
  kind,
  createdAt: new Date(Date.UTC(2026, 0, 6, 2, minute)).toISOString(),
});

describe('alerts on the board', () => {
  it('every kind the service raises has words in both languages (never a raw key on the board)', () => {
    expect(ALERT_KINDS).toContain('routed_during_protected_time');
    for (const kind of ALERT_KINDS) {
      expect(en.alerts.kind).toHaveProperty(kind);
      expect(zh.alerts.kind).toHaveProperty(kind);
    }
  });

  it('the routing breach does not say which protected time it was', () => {
    for (const text of [
      en.alerts.kind.routed_during_protected_time,
      zh.alerts.kind.routed_during_protected_time,
    ])
      expect(text).not.toMatch(/counsel|recovery|break|辅导|缓一缓|休息/i);
  });

  it('shows one card per agent and kind, the newest, newest first, holding every id', () => {
    const cards = latestPerAgentAndKind([
      alert('e2', 'li', 'escalation', 2),
      alert('e4', 'li', 'escalation', 4),
      alert('e3', 'li', 'escalation', 3),
      alert('r1', 'li', 'routed_during_protected_time', 1),
      alert('w5', 'wang', 'escalation', 5),
    ]);
    expect(cards.map((c) => c.latest.id)).toEqual(['w5', 'e4', 'r1']);
    expect(cards[1].ids.sort()).toEqual(['e2', 'e3', 'e4']);
    expect(latestPerAgentAndKind([])).toEqual([]);
  });
});

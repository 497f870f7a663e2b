import { isRouterPath, remainingBudgetMs, withDatabaseBudget } from './request-budget';

describe('request budget', () => {
  it('covers the router paths and only those', () => {
    expect(isRouterPath('GET', '/v1/routing/available-agents')).toBe(true);
    expect(isRouterPath('POST', '/v1/routing/reservations/abc/reject')).toBe(true);
    expect(isRouterPath('POST', '/v1/calls/events')).toBe(true);
    expect(isRouterPath('PUT', '/v1/agents/abc/presence')).toBe(true);
    expect(isRouterPath('GET', '/v1/agents')).toBe(true);
    expect(isRouterPath('GET', '/v1/agents/abc')).toBe(true);
    expect(isRouterPath('PATCH', '/v1/agents/abc')).toBe(false);
    expect(isRouterPath('POST', '/v1/schedules/generate')).toBe(false);
    expect(isRouterPath('GET', '/v1/routing-tags')).toBe(false);
  });

  it('carries the deadline through async work, never below 1 ms (0 would mean no limit to pg)', async () => {
    expect(remainingBudgetMs()).toBeUndefined();
    await withDatabaseBudget(50, async () => {
      await Promise.resolve();
      const left = remainingBudgetMs()!;
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThanOrEqual(50);
    });
    await withDatabaseBudget(-10, async () => expect(remainingBudgetMs()).toBe(1));
    expect(remainingBudgetMs()).toBeUndefined();
  });
});

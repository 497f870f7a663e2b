import {
  isRouterPath,
  poolWaitBudgetMs,
  remainingBudgetMs,
  withDatabaseBudget,
} from './request-budget';

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

  describe('the wait for a pooled connection', () => {
    beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-04T09:00:00Z') }));
    afterEach(() => jest.useRealTimers());

    it('leaves 40% of the budget to the queries, so a request never starts its work with nothing left', () => {
      expect(poolWaitBudgetMs()).toBeUndefined();
      withDatabaseBudget(2000, () => {
        expect(poolWaitBudgetMs()).toBe(1200);
        expect(remainingBudgetMs()).toBe(2000);
        jest.advanceTimersByTime(1100);
        expect(poolWaitBudgetMs()).toBe(100);
        jest.advanceTimersByTime(200);
        // Past the pool's share: at most 1 ms of waiting (a free connection is still handed over).
        expect(poolWaitBudgetMs()).toBe(1);
        expect(remainingBudgetMs()).toBe(700);
      });
    });

    it('keeps the reserve of the base budget for a long-poll, whose wait is not queries', () => {
      withDatabaseBudget(
        2000,
        () => {
          expect(poolWaitBudgetMs()).toBe(26_200);
          expect(remainingBudgetMs()).toBe(27_000);
        },
        25_000,
      );
      withDatabaseBudget(500, () => expect(poolWaitBudgetMs()).toBe(300));
      withDatabaseBudget(-10, () => expect(poolWaitBudgetMs()).toBe(1));
    });
  });
});

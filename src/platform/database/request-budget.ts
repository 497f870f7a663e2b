import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A per-request time budget for the database. Router paths run inside one: every pool wait and
 * query they make is bounded by what is left of it, so a frozen or unreachable PostgreSQL costs
 * the router at most the budget, then a 503 DATABASE_UNAVAILABLE. Wall time, not domain time.
 */
const budgets = new AsyncLocalStorage<{ deadline: number }>();

/** Runs `fn` (and everything it starts) within a budget of `ms` from now. */
export function withDatabaseBudget<T>(ms: number, fn: () => T): T {
  return budgets.run({ deadline: Date.now() + ms }, fn);
}

/** Milliseconds left of the current budget, at least 1 (0 would mean "no limit" to pg); none outside one. */
export function remainingBudgetMs(): number | undefined {
  const budget = budgets.getStore();
  return budget ? Math.max(1, budget.deadline - Date.now()) : undefined;
}

/**
 * The paths a telephony router calls while a call waits: availability, reservations, queued
 * calls and callbacks, call events, presence and agent lookups. They answer within the budget
 * (a long-poll's within the budget after its wait). The event stream is not one: it stays open.
 */
const ROUTER_PATHS: Array<[method: string | '*', path: RegExp]> = [
  ['*', /^\/v1\/routing(\/|$)/],
  ['*', /^\/v1\/calls\/events$/],
  ['*', /^\/v1\/agents\/[^/]+\/presence$/],
  ['GET', /^\/v1\/agents(\/[^/]+)?$/],
];

export function isRouterPath(method: string, path: string): boolean {
  return ROUTER_PATHS.some(([m, re]) => (m === '*' || m === method) && re.test(path));
}

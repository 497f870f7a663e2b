import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A per-request time budget for the database. Router paths run inside one: every pool wait and
 * query they make is bounded by what is left of it, so a frozen or unreachable PostgreSQL costs
 * the router at most the budget, then a 503 DATABASE_UNAVAILABLE. Wall time, not domain time.
 */
interface Budget {
  deadline: number;
  queryReserve: number;
}
const budgets = new AsyncLocalStorage<Budget>();

/**
 * The share of a budget that a wait for a pooled connection leaves to the queries (a long-poll's
 * wait is not counted in it). A request that waited for the pool up to its deadline would start its
 * transaction with nothing left, time out in the middle of it and cost its connection (dropped:
 * PostgreSQL forks and warms a new one); under overload that work and those reconnections took the
 * CPU the next requests needed, and the queue benchmark collapsed to 503s. Giving up at the pool
 * instead is a cheap 503 that touches nothing.
 */
const QUERY_RESERVE_SHARE = 0.4;

/**
 * Runs `fn` (and everything it starts) within a budget of `ms` from now, plus `waitMs` for a
 * long-poll's wait (it extends the deadline, not the queries' reserve).
 */
export function withDatabaseBudget<T>(ms: number, fn: () => T, waitMs = 0): T {
  const queryReserve = Math.max(0, ms) * QUERY_RESERVE_SHARE;
  return budgets.run({ deadline: Date.now() + ms + waitMs, queryReserve }, fn);
}

/** Milliseconds until `keepMs` before the budget's deadline, at least 1 (0 would mean "no limit" to pg). */
const msLeft = (budget: Budget, keepMs: number) =>
  Math.max(1, budget.deadline - keepMs - Date.now());

/** Milliseconds left of the current budget, at least 1; none outside one. */
export function remainingBudgetMs(): number | undefined {
  const budget = budgets.getStore();
  return budget && msLeft(budget, 0);
}

/**
 * Milliseconds a wait for a pooled connection may take now, at least 1: what is left of the budget
 * less the queries' reserve. None outside a budget. (A free connection is handed over at once
 * whatever this says: only waiting is bounded.)
 */
export function poolWaitBudgetMs(): number | undefined {
  const budget = budgets.getStore();
  return budget && msLeft(budget, budget.queryReserve);
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

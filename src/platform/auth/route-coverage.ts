import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, HttpAdapterHost, MetadataScanner, Reflector } from '@nestjs/core';
import { policyKey } from './authorization-decision';
import { AUTHORIZATION_POLICY } from './authorization-policy';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import type { Role } from './roles';

/** Routes served outside the API (the OpenAPI document and its UI). */
const OUTSIDE_POLICY = /^\/docs(\/|-json|-yaml|$)/;

/** A route answering more methods than any handler declares is a catch-all. */
const ALL_METHODS_THRESHOLD = 8;

/** `METHOD /path` of every route Express serves, in the policy's key form. */
export function servedRouteKeys(expressApp: unknown): string[] {
  const router = (expressApp as { router?: { stack?: unknown[] } }).router;
  const keys = new Set<string>();
  for (const layer of router?.stack ?? []) {
    const route = (layer as { route?: { path?: unknown; methods?: Record<string, boolean> } })
      .route;
    if (!route || typeof route.path !== 'string' || OUTSIDE_POLICY.test(route.path)) continue;
    const methods = Object.entries(route.methods ?? {});
    // Catch-all routes for every method (Nest's middleware and not-found handling) serve no API.
    if (methods.length > ALL_METHODS_THRESHOLD) continue;
    for (const [method, on] of methods)
      if (on && method !== '_all') keys.add(policyKey(method, route.path));
  }
  return [...keys].sort();
}

/** Routes without a policy row, and rows without a route: both must be empty to boot. */
export function policyGaps(served: string[]): { unruled: string[]; stale: string[] } {
  return {
    unruled: served.filter((k) => !AUTHORIZATION_POLICY[k]),
    stale: Object.keys(AUTHORIZATION_POLICY).filter((k) => !served.includes(k)),
  };
}

/**
 * Refuses to boot a service with a route the authorisation policy does not cover, or whose
 * `@Roles(...)` (what OpenAPI documents) differ from the policy's roles (what the guard enforces).
 */
@Injectable()
export class RouteCoverageCheck implements OnApplicationBootstrap {
  constructor(
    private readonly http: HttpAdapterHost,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const { unruled, stale } = policyGaps(servedRouteKeys(this.http.httpAdapter.getInstance()));
    const drifted = this.rolesDrift();
    if (drifted.length)
      throw new Error(
        `@Roles differ from the authorisation policy (src/platform/auth/authorization-policy.ts) for ${drifted.join(', ')}`,
      );
    if (unruled.length || stale.length)
      throw new Error(
        `Authorisation policy (src/platform/auth/authorization-policy.ts) is out of date: ` +
          [
            unruled.length ? `no row for ${unruled.join(', ')}` : '',
            stale.length ? `no route for ${stale.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; '),
      );
  }

  private rolesDrift(): string[] {
    const routes: DeclaredRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const base = this.reflector.get<string | string[]>(PATH_METADATA, wrapper.metatype) ?? '';
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as (...args: unknown[]) => unknown;
        const sub = this.reflector.get<string | string[] | undefined>(PATH_METADATA, handler);
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler);
        if (sub === undefined || method === undefined) continue;
        const targets = [handler, wrapper.metatype];
        routes.push({
          method: RequestMethod[method],
          path: `/${[base, sub].flat().filter(Boolean).join('/')}`.replace(
            /:([A-Za-z0-9_]+)/g,
            '{$1}',
          ),
          roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
          isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true,
        });
      }
    }
    return rolesDriftOf(routes);
  }
}

/** Sorted, comma-joined: two role lists compare equal as sets. */
const roleSet = (roles: readonly Role[]) => [...new Set(roles)].sort().join(',');

export interface DeclaredRoute {
  method: string;
  /** Controller and method path joined, without the global prefix. */
  path: string;
  roles: Role[] | undefined;
  isPublic: boolean;
}

/** Routes whose decorators disagree with their policy row (matched with or without `/v1`). */
export function rolesDriftOf(routes: DeclaredRoute[]): string[] {
  const drifted: string[] = [];
  for (const route of routes) {
    const path = route.path.replace(/\/+/g, '/').replace(/\/$/, '') || '/';
    const key = [policyKey(route.method, `/v1${path}`), policyKey(route.method, path)].find(
      (k) => AUTHORIZATION_POLICY[k],
    );
    if (!key) continue; // reported as a route without a row
    const row = AUTHORIZATION_POLICY[key];
    const same = row.public
      ? route.isPublic
      : !route.isPublic && roleSet(route.roles ?? []) === roleSet(row.roles);
    if (!same) drifted.push(key);
  }
  return drifted;
}

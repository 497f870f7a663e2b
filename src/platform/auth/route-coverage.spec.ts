import { policyGaps, rolesDriftOf, servedRouteKeys } from './route-coverage';
import { AUTHORIZATION_POLICY } from './authorization-policy';

const expressApp = (routes: Array<[string, string[]]>) => ({
  router: {
    stack: routes.map(([path, methods]) => ({
      route: { path, methods: Object.fromEntries(methods.map((m) => [m, true])) },
    })),
  },
});

describe('route coverage', () => {
  const everyRow = Object.keys(AUTHORIZATION_POLICY).map((k) => {
    const [method, path] = k.split(' ');
    return [path.replace(/\{([^}]+)\}/g, ':$1'), [method.toLowerCase()]] as [string, string[]];
  });

  it('finds nothing missing when every served route has a row', () => {
    const served = servedRouteKeys(expressApp([...everyRow, ['/docs-json', ['get']]]));
    expect(policyGaps(served)).toEqual({ unruled: [], stale: [] });
  });

  it('names a route without a row and a row without a route', () => {
    const served = servedRouteKeys(expressApp([...everyRow.slice(1), ['/v1/new-thing', ['post']]]));
    const gaps = policyGaps(served);
    expect(gaps.unruled).toEqual(['POST /v1/new-thing']);
    expect(gaps.stale).toEqual([Object.keys(AUTHORIZATION_POLICY)[0]]);
  });

  it('ignores catch-all routes that answer every method', () => {
    const all = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'trace', 'copy'];
    expect(servedRouteKeys(expressApp([['/v1/{*path}', all]]))).toEqual([]);
  });

  it('names a route whose @Roles differ from its row', () => {
    expect(
      rolesDriftOf([
        { method: 'PUT', path: '/sites/{siteId}/labour-rules', roles: ['admin'], isPublic: false },
        { method: 'GET', path: '/health', roles: undefined, isPublic: true },
      ]),
    ).toEqual([]);
    expect(
      rolesDriftOf([
        {
          method: 'PUT',
          path: '/sites/{siteId}/labour-rules',
          roles: ['admin', 'scheduler'],
          isPublic: false,
        },
      ]),
    ).toEqual(['PUT /v1/sites/{siteId}/labour-rules']);
  });
});

import { isApiPath } from './web-app';

describe('web app paths', () => {
  it('leaves the API, the docs and health to the service and everything else to the app', () => {
    for (const p of ['/v1', '/v1/agents', '/docs', '/docs/swagger-ui.css', '/docs-json', '/health'])
      expect(isApiPath(p)).toBe(true);
    for (const p of ['/', '/agent/today', '/counsellor', '/v1x', '/docsy', '/assets/index.js'])
      expect(isApiPath(p)).toBe(false);
  });
});

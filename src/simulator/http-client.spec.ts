import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpClient } from './http-client';

/** A server that resets the socket of its second request, as a closing keep-alive socket does. */
function resettingServer(): Promise<{ server: Server; url: string; seen: () => number }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    if (requests === 2) {
      req.socket.destroy();
      return;
    }
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ n: requests }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen: () => requests,
      }),
    ),
  );
}

describe('simulator HTTP client', () => {
  it('sends again a request whose kept-alive socket was reset, once', async () => {
    const { server, url, seen } = await resettingServer();
    try {
      const client = new HttpClient(url, 1);
      expect((await client.send('GET', '/a', {})).body).toEqual({ n: 1 });
      // The second request goes out on the kept-alive socket, which the server resets.
      expect((await client.send('GET', '/b', {})).body).toEqual({ n: 3 });
      expect(seen()).toBe(3);
      expect(client.sent).toBe(2);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

import { mockServices } from '@backstage/backend-test-utils';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { LicenseCatalogClient } from './LicenseCatalogClient';

/** A real HTTP server standing in for the finops-itam backend. */
async function startFeed(
  answer: (req: IncomingMessage) => { status: number; body: string },
): Promise<{ server: Server; baseUrl: string; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    const { status, body } = answer(req);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}/api/finops-itam`,
    requests,
  };
}

function clientFor(baseUrl: string) {
  const discovery = {
    getBaseUrl: async () => baseUrl,
    getExternalBaseUrl: async () => baseUrl,
  };
  return new LicenseCatalogClient(discovery, mockServices.auth());
}

describe('LicenseCatalogClient', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise(resolve => server?.close(resolve));
    server = undefined;
  });

  it('reads the products of the license feed with a service token', async () => {
    const feed = await startFeed(() => ({
      status: 200,
      body: JSON.stringify({ products: [{ productId: 'rhel' }] }),
    }));
    server = feed.server;

    const products = await clientFor(feed.baseUrl).products();

    expect(products).toEqual([{ productId: 'rhel' }]);
    expect(feed.requests[0].url).toBe('/api/finops-itam/licenses/catalog');
    expect(feed.requests[0].headers.authorization).toMatch(/^Bearer .+/);
    expect(await clientFor(feed.baseUrl).locationRef()).toBe(
      `url:${feed.baseUrl}/licenses/catalog`,
    );
  });

  it('says which URL failed and how when the backend refuses', async () => {
    const feed = await startFeed(() => ({
      status: 403,
      body: '{"error":{"message":"not allowed"}}',
    }));
    server = feed.server;

    await expect(clientFor(feed.baseUrl).products()).rejects.toThrow(
      /licenses\/catalog answered 403 .*not allowed/,
    );
  });

  it('rejects an answer without a products list', async () => {
    const feed = await startFeed(() => ({ status: 200, body: '{"items":[]}' }));
    server = feed.server;

    await expect(clientFor(feed.baseUrl).products()).rejects.toThrow(
      'without a products list',
    );
  });
});

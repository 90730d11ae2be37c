import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  DefaultApiClient,
  FINOPS_ITAM_PLUGIN_ID,
  LicenseCatalogProduct,
} from '@finops-itam/plugin-finops-itam-common';

/** Where the license feed is read from and how. */
export interface LicenseCatalogFeed {
  /** `url:` location ref of the feed, recorded on every emitted entity. */
  locationRef(): Promise<string>;
  products(): Promise<LicenseCatalogProduct[]>;
}

/**
 * Reads `GET /api/finops-itam/licenses/catalog` from the finops-itam backend plugin with a
 * service token of the catalog plugin.
 */
export class LicenseCatalogClient implements LicenseCatalogFeed {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  async locationRef(): Promise<string> {
    return `url:${await this.feedUrl()}`;
  }

  async products(): Promise<LicenseCatalogProduct[]> {
    const url = await this.feedUrl();
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: FINOPS_ITAM_PLUGIN_ID,
    });
    const api = new DefaultApiClient({
      discoveryApi: this.discovery,
      fetchApi: {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
    const response = await api.getLicenseCatalogFeed();
    if (!response.ok) {
      const body = await response.text();
      throw new Error(
        `GET ${url} answered ${response.status} ${
          response.statusText
        }: ${body.slice(0, 300)}`,
      );
    }
    const body = await response.json();
    // The contract says so, but another service may answer on this URL.
    if (!Array.isArray(body?.products)) {
      throw new Error(`GET ${url} answered without a products list`);
    }
    return body.products;
  }

  private async feedUrl(): Promise<string> {
    const baseUrl = await this.discovery.getBaseUrl(FINOPS_ITAM_PLUGIN_ID);
    return `${baseUrl}/licenses/catalog`;
  }
}

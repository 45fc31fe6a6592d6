import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DriftListResponse,
  TargetListResponse,
  TargetStatusWithAdditions,
} from '@internal/backstage-plugin-rollout-status-common';
import { RolloutStatusApi } from './RolloutStatusApi';
import { parseTargetList, parseTargetStatus } from '../lib/parseResponses';

/** Talks to `/api/rollout-status` through the app's discovery and fetch APIs. */
export class RolloutStatusClient implements RolloutStatusApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getTargets(): Promise<TargetListResponse> {
    return parseTargetList(await this.getJson('/targets'));
  }

  async getTargetStatus(targetId: string): Promise<TargetStatusWithAdditions> {
    return parseTargetStatus(
      await this.getJson(`/targets/${encodeURIComponent(targetId)}/status`),
    );
  }

  async getDrift(): Promise<DriftListResponse> {
    const body = (await this.getJson('/drift')) as Partial<DriftListResponse>;
    // A body without both lists is a contract break, shown as an error.
    if (!Array.isArray(body?.items) || !Array.isArray(body?.targets)) {
      throw new Error('unexpected response from /drift: no items or targets');
    }
    return body as DriftListResponse;
  }

  private async getJson(path: string): Promise<unknown> {
    const baseUrl = await this.discoveryApi.getBaseUrl('rollout-status');
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }
}

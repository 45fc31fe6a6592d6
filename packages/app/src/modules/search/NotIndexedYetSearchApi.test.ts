import { ResponseError } from '@backstage/errors';
import { NotIndexedYetSearchApi } from './NotIndexedYetSearchApi';

/** An error as the search backend sends it (errorHandler's JSON body). */
async function backendError(status: number, name: string, message: string) {
  const body = JSON.stringify({
    error: { name, message },
    request: { method: 'GET', url: '/api/search/query' },
    response: { statusCode: status },
  });
  return ResponseError.fromResponse({
    status,
    statusText: 'x',
    headers: new Map([['content-type', 'application/json']]),
    text: async () => body,
  } as unknown as Response);
}

describe('NotIndexedYetSearchApi', () => {
  it("turns the backend's 503 'not indexed yet' into one result that says so", async () => {
    const error = await backendError(
      503,
      'MissingIndexError',
      'Not indexed yet: search has no index of techdocs yet.',
    );
    const api = new NotIndexedYetSearchApi({
      query: () => Promise.reject(error),
    });
    const set = await api.query({ term: 'restore', types: ['techdocs'] });
    expect(set.results).toEqual([
      expect.objectContaining({
        type: 'techdocs',
        document: expect.objectContaining({
          title: 'Not indexed yet',
          text: 'Not indexed yet: search has no index of techdocs yet.',
        }),
      }),
    ]);
  });

  it('passes any other failure on, a bare 500 among them', async () => {
    const error = await backendError(500, 'Error', 'boom');
    const api = new NotIndexedYetSearchApi({
      query: () => Promise.reject(error),
    });
    await expect(api.query({ term: 'x' })).rejects.toBe(error);
  });

  it('passes results through unchanged', async () => {
    const set = { results: [], numberOfResults: 0 };
    const api = new NotIndexedYetSearchApi({ query: async () => set });
    await expect(api.query({ term: 'x' })).resolves.toBe(set);
  });
});

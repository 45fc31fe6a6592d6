import { renderHook, waitFor } from '@testing-library/react';
import { usePolled } from './usePolled';

describe('usePolled', () => {
  it('loads again after each interval', async () => {
    let n = 0;
    const load = jest.fn(async () => ++n);
    const { result } = renderHook(() => usePolled(load, 20, 'a'));
    await waitFor(() => expect(result.current.value).toBeGreaterThanOrEqual(3));
    expect(result.current.loading).toBe(false);
    expect(result.current.fetchedAt).toBeDefined();
  });

  it('keeps the last value and reports the error when a refresh fails', async () => {
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockRejectedValue(new Error('backend went away'));
    const { result } = renderHook(() => usePolled(load, 20, 'a'));
    await waitFor(() =>
      expect(result.current.error?.message).toBe('backend went away'),
    );
    expect(result.current.value).toBe('first');
  });

  it('stops polling once unmounted', async () => {
    const load = jest.fn(async () => 'x');
    const { unmount } = renderHook(() => usePolled(load, 20, 'a'));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    unmount();
    const calls = load.mock.calls.length;
    await new Promise(resolve => setTimeout(resolve, 80));
    expect(load.mock.calls.length).toBe(calls);
  });
});

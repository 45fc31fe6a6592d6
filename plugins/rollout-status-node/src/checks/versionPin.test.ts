import { HelmReleaseInfo } from '../sources/kubernetes/types';
import { compareVersions, renderedTag } from './versionPin';

const release = (
  values: Record<string, unknown>,
  appVersion = '2026.2.2',
): HelmReleaseInfo => ({
  name: 'authentik',
  revision: 1,
  status: 'deployed',
  chartVersion: appVersion,
  appVersion,
  values,
});

describe('version comparison and the rendered tag', () => {
  it.each([
    ['2026.2.2', '2026.2.4', -1],
    ['2026.10.1', '2026.2.4', 1],
    ['v2026.2.4', '2026.2.4', 0],
    ['2026.2', '2026.2.0', 0],
    ['latest', '2026.2.4', undefined],
  ])('compareVersions(%s, %s) = %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('a values pin wins over the chart appVersion', () => {
    expect(
      renderedTag(release({ global: { image: { tag: '2026.2.4' } } })),
    ).toEqual({ tag: '2026.2.4', from: 'values global.image.tag' });
    expect(renderedTag(release({ server: { replicas: 3 } }))).toEqual({
      tag: '2026.2.2',
      from: 'chart 2026.2.2 appVersion',
    });
  });
});

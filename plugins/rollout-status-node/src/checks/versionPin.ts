import { Evidence } from '@internal/backstage-plugin-rollout-status-common';
import { CheckFunction } from '../engine/types';
import { HelmReleaseInfo } from '../sources/kubernetes/types';
import { findDeployment, imageTag } from '../sources/kubernetes/workloads';
import { Findings, requireReadings, result, workloadNames } from './helpers';
import { judgeHelmRelease } from './helmPins';
import { liveTags } from './livePodTags';

/**
 * Compares CalVer-ish tags (`2026.2.4`, `v2026.2.4-rc1`) numerically part by
 * part. Returns undefined when either has no numbers to compare.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const parts = (v: string) => (v.match(/\d+/g) ?? []).map(Number);
  const pa = parts(a);
  const pb = parts(b);
  if (!pa.length || !pb.length) return undefined;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

function dig(values: Record<string, unknown>, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[key]
        : undefined,
    values,
  );
}

/** Where charts commonly read an image tag override, in the order tried. */
const TAG_PATHS = [
  ['global', 'image', 'tag'],
  ['image', 'tag'],
  ['server', 'image', 'tag'],
];

/**
 * The tag a `helm upgrade` with the release's values would render: the
 * values key the Terraform pins (from the infra model) when given, else the
 * common override keys, else the chart's appVersion.
 */
export function renderedTag(
  release: HelmReleaseInfo,
  declaredKey?: string,
): {
  tag?: string;
  from: string;
} {
  const paths = declaredKey
    ? [declaredKey.split('.'), ...TAG_PATHS]
    : TAG_PATHS;
  for (const path of paths) {
    const value = dig(release.values, path);
    if (typeof value === 'string' && value)
      return { tag: value, from: `values ${path.join('.')}` };
  }
  return {
    tag: release.appVersion,
    from: `chart ${release.chartVersion ?? '?'} appVersion`,
  };
}

/**
 * Check 5: would an apply now change the running version? The live server
 * image vs what the Helm release renders (values pin, else the chart's
 * appVersion), critical when that is a downgrade; and the live version vs
 * the database's migrated version (running older code on a migrated DB).
 */
export const versionPinCheck: CheckFunction = ({ target, readings }) => {
  const id = 'version-pin';
  const got = requireReadings(
    id,
    { kubernetes: readings.kubernetes },
    readings.evaluatedAt,
  );
  if (!got.ok) return got.result;
  const k8s = got.data.kubernetes;
  const names = workloadNames(target);
  const findings = new Findings();
  const evidence: Evidence[] = [];
  const used = [...got.used];

  if (target.derived && !target.postgres) {
    const releases = target.derived.helmReleases.map(r =>
      judgeHelmRelease(r, target.derived!, k8s),
    );
    for (const r of releases) {
      findings.add(r.verdict);
      r.reasons.forEach(reason => findings.add(r.verdict, reason));
      evidence.push(...r.evidence);
    }
    return result({
      id,
      verdict: findings.verdict,
      summary: findings.summary(
        `An apply keeps the version every Helm release's pods run (${target.derived.helmReleases
          .map(r => r.name)
          .join(', ')})`,
      ),
      reasons: findings.reasons,
      evidence,
      used,
      evaluatedAt: readings.evaluatedAt,
      data: { releases: releases.map(r => r.data) },
    });
  }

  // The version is what the pods run (container statuses); the template is
  // only what they will run once rolled.
  const server = findDeployment(names.server, k8s.deployments);
  const serverTags = server ? liveTags(server, k8s) : { podTags: [] };
  const templateTag = imageTag(
    server?.spec?.template.spec?.containers?.[0]?.image,
  );
  const liveTag =
    serverTags.podTags.length === 1 ? serverTags.podTags[0] : templateTag;
  const worker = findDeployment(names.worker, k8s.deployments);
  const workerPodTags = worker ? liveTags(worker, k8s).podTags : [];
  const workerTag =
    workerPodTags.length === 1
      ? workerPodTags[0]
      : imageTag(worker?.spec?.template.spec?.containers?.[0]?.image);
  evidence.push({
    label: 'live image tag',
    value: `${liveTag ?? 'unknown'} (${
      serverTags.podTags.length === 1
        ? `${names.server} pods, container statuses`
        : `${names.server} template: its pods run ${
            serverTags.podTags.join(', ') || 'nothing'
          }`
    })`,
  });
  if (!liveTag) {
    findings.add('unknown', `no image tag on Deployment ${names.server}`);
  }
  if (serverTags.podTags.length > 1) {
    findings.add(
      'warn',
      `${names.server} pods run different versions (${serverTags.podTags.join(
        ', ',
      )}, container statuses)`,
    );
  }
  if (liveTag && workerTag && workerTag !== liveTag) {
    findings.add(
      'warn',
      `worker pods run ${workerTag} while server pods run ${liveTag}`,
    );
  }

  const release = k8s.helmRelease;
  let rendered: string | undefined;
  if (!release) {
    findings.add(
      'unknown',
      `no deployed Helm release Secret sh.helm.release.v1.${
        target.kubernetes?.helmRelease ?? '?'
      }.v* in namespace ${k8s.namespace}: what an apply renders is unknown`,
    );
  } else {
    const r = renderedTag(release);
    rendered = r.tag;
    evidence.push({
      label: 'an apply renders',
      value: `${rendered ?? 'unknown'} (${r.from})`,
    });
    evidence.push({
      label: 'Helm release',
      value: `${release.name} revision ${release.revision}, chart ${
        release.chartVersion ?? '?'
      }`,
    });
    if (rendered && liveTag && rendered !== liveTag) {
      const cmp = compareVersions(rendered, liveTag);
      if (cmp !== undefined && cmp < 0) {
        findings.add(
          'critical',
          `an apply now changes the version: it DOWNGRADES ${liveTag} to ${rendered} (${r.from}); pin the values image tag to ${liveTag}`,
        );
      } else {
        findings.add(
          'warn',
          `an apply now changes the version: ${liveTag} → ${rendered} (${r.from})`,
        );
      }
    } else if (!rendered) {
      findings.add(
        'unknown',
        'the Helm release has no appVersion or image tag',
      );
    }
  }

  const pg = readings.postgres;
  if (!pg) {
    findings.add(
      'unknown',
      'postgres source is not configured: the migrated version is unknown',
    );
  } else {
    used.push(pg);
    if (!pg.ok) {
      findings.add('unknown', `migrated version unknown: ${pg.reason}`);
    } else if (!pg.data.migratedVersion) {
      findings.add(
        'unknown',
        'authentik_version_history has no rows (or is missing)',
      );
    } else {
      const migrated = pg.data.migratedVersion;
      evidence.push({ label: 'database migrated to', value: migrated });
      for (const [what, tag] of [
        ['live', liveTag],
        ['an apply', rendered],
      ] as const) {
        if (tag && (compareVersions(tag, migrated) ?? 0) < 0) {
          findings.add(
            'critical',
            `${
              what === 'live' ? 'the live image' : 'an apply'
            } (${tag}) is older than the database's migrated version ${migrated}`,
          );
        }
      }
    }
  }
  findings.add('ok');
  const verdict = findings.verdict;
  return result({
    id,
    verdict,
    summary: findings.summary(
      `An apply keeps ${liveTag}, matching the migrated database`,
    ),
    reasons: findings.reasons,
    evidence,
    used,
    evaluatedAt: readings.evaluatedAt,
    data: {
      liveTag,
      workerTag,
      renderedTag: rendered,
      migratedVersion: pg?.ok ? pg.data.migratedVersion : undefined,
    },
  });
};

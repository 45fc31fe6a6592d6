import { hclString, terraformLabel } from '../hcl/escape';
import { NewAppSpec } from '../spec/types';
import { appSecretName, dbSecretName, namespaceRef } from './newAppNames';

/**
 * `secrets.tf`: ExternalSecrets that copy Vault entries into Kubernetes
 * Secrets. Only Vault paths and key names are written; the values stay in
 * Vault and are never seen by the portal.
 */
export function renderSecretsTf(spec: NewAppSpec): string | undefined {
  if (!spec.database && spec.secrets.length === 0) return undefined;
  const ns = namespaceRef(spec);
  const out: string[] = [
    '# Credentials come from Vault through the External Secrets Operator; only the',
    '# Vault path and key names are written here, never a value.',
  ];
  if (spec.database) {
    out.push(
      '',
      '# The shared CNPG cluster; Vault rotates this password every 7 days.',
      ...externalSecret({
        label: 'db_creds',
        name: dbSecretName(spec),
        ns,
        store: 'vault-database',
        data: [
          {
            secretKey: 'password',
            key: `static-creds/pg-${spec.database.name}`,
            property: 'password',
          },
        ],
      }),
    );
  }
  if (spec.secrets.length > 0) {
    out.push(
      '',
      ...externalSecret({
        label: `${terraformLabel(spec.name)}_secrets`,
        name: appSecretName(spec),
        ns,
        store: 'vault-kv',
        data: spec.secrets.map(s => ({
          secretKey: s.env,
          key: s.vaultPath.replace(/^secret\//, ''),
          property: s.key,
        })),
      }),
    );
  }
  return `${out.join('\n')}\n`;
}

function externalSecret(opts: {
  label: string;
  name: string;
  ns: string;
  store: string;
  data: Array<{ secretKey: string; key: string; property: string }>;
}): string[] {
  return [
    `resource "kubernetes_manifest" "${terraformLabel(opts.label)}" {`,
    '  manifest = {',
    '    apiVersion = "external-secrets.io/v1beta1"',
    '    kind       = "ExternalSecret"',
    '    metadata = {',
    `      name      = ${hclString(opts.name)}`,
    `      namespace = ${opts.ns}`,
    '    }',
    '    spec = {',
    '      refreshInterval = "1h"',
    '      secretStoreRef = {',
    '        kind = "ClusterSecretStore"',
    `        name = ${hclString(opts.store)}`,
    '      }',
    '      target = {',
    `        name = ${hclString(opts.name)}`,
    '      }',
    '      data = [',
    ...opts.data.flatMap(d => [
      '        {',
      `          secretKey = ${hclString(d.secretKey)}`,
      '          remoteRef = {',
      `            key      = ${hclString(d.key)}`,
      `            property = ${hclString(d.property)}`,
      '          }',
      '        },',
    ]),
    '      ]',
    '    }',
    '  }',
    '}',
  ];
}

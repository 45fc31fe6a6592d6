import { hclString } from '../hcl/escape';
import { NewAppSpec } from '../spec/types';
import { carveOutLabel, renderIngressCall } from './ingressModule';
import { kubernetesName, namespaceRef } from './newAppNames';

/**
 * `ingress.tf`: the app's `ingress_factory` call with the chosen auth tier,
 * Anubis in front when asked for (public content sites only), and one more
 * `ingress_factory` per carve-out path going straight to the app's service.
 */
export function renderIngressTf(spec: NewAppSpec): string | undefined {
  const ingress = spec.ingress;
  if (!ingress) return undefined;
  const ns = namespaceRef(spec);
  const out: string[] = [];
  if (ingress.anubis) {
    out.push(
      '# Anubis (proof-of-work) is the gate for this public content site. It keeps',
      '# in-flight challenges in memory, so it stays at one replica.',
      'module "anubis" {',
      '  source     = "../../modules/kubernetes/anubis_instance"',
      `  name       = ${hclString(spec.name)}`,
      `  namespace  = ${ns}`,
      `  target_url = ${hclString(
        `http://${spec.name}.${spec.namespace}.svc.cluster.local`,
      )}`,
      '}',
      '',
    );
  }
  out.push(
    ...renderIngressCall({
      label: 'ingress',
      name: ingress.subdomain,
      namespaceExpr: ns,
      serviceExpr: ingress.anubis
        ? 'module.anubis.service_name'
        : hclString(spec.name),
      portExpr: ingress.anubis ? 'module.anubis.service_port' : '80',
      dnsType: ingress.dnsType,
      antiAiScraping: ingress.anubis ? false : undefined,
      auth: ingress.auth,
    }),
  );
  const taken = new Set<string>(['ingress']);
  for (const c of ingress.carveOuts) {
    const label = carveOutLabel(c.path, taken);
    const objectName = kubernetesName(
      `${ingress.subdomain}-${label
        .replace(/^ingress_/, '')
        .replace(/_/g, '-')}`,
    );
    out.push(
      '',
      ...renderIngressCall({
        label,
        comment: `Carve-out: ${c.path} goes straight to the app, with its own auth tier.`,
        name: objectName,
        hostSubdomain: ingress.subdomain,
        namespaceExpr: ns,
        serviceExpr: hclString(spec.name),
        portExpr: '80',
        paths: [c.path],
        // The main ingress already owns the DNS record of the host.
        dnsType: 'none',
        auth: c.auth,
      }),
    );
  }
  return `${out.join('\n')}\n`;
}

import { Problems } from './problems';
import {
  authChoice,
  bool,
  CLIENT_KINDS,
  DNS_TYPES,
  dnsLabel,
  integer,
  list,
  namespaceName,
  oneOf,
  urlPath,
} from './fields';
import { AddIngressSpec } from './types';
import type { Checked } from './checkNewApp';

/**
 * Checks an add-ingress request (a path carve-out or a second host on an
 * existing stack): the typed spec, or each bad field and its fix.
 */
export function checkAddIngress(
  values: Record<string, unknown>,
): Checked<AddIngressSpec> {
  const p = new Problems();
  const stack = dnsLabel(p, 'stack', values.stack, 'The stack name');
  const namespace = namespaceName(
    p,
    'namespace',
    values.namespace || values.stack, // an empty field means "the default"
  );
  const ingressName = dnsLabel(
    p,
    'ingressName',
    values.ingressName,
    'The ingress name',
  );
  const subdomain = dnsLabel(p, 'subdomain', values.subdomain, 'The subdomain');
  const serviceName = dnsLabel(
    p,
    'serviceName',
    values.serviceName || values.stack,
    'The service name',
  );
  const port = integer(
    p,
    'port',
    values.port ?? 80,
    { min: 1, max: 65535 },
    'The service port',
  );
  const dnsType = oneOf(p, 'dnsType', values.dnsType, DNS_TYPES, 'none');
  const auth = authChoice(p, 'authTier', values.authTier);
  const clients = oneOf(p, 'clients', values.clients, CLIENT_KINDS, 'browser');
  if (bool(p, 'anubis', values.anubis, false)) {
    p.add(
      'anubis',
      'The add-ingress template sends traffic straight to a service; it does not set up Anubis.',
      'Leave Anubis off here; put a content site behind Anubis with the new-app template.',
    );
  }
  const paths: string[] = [];
  list(p, 'paths', values.paths, 10).forEach((raw, i) => {
    const path = urlPath(p, `paths[${i}]`, raw);
    if (path === '/') {
      p.add(
        `paths[${i}]`,
        'A carve-out at / is a second ingress for the whole host, with its own auth tier: on a host that authentik gates, the gate would be gone.',
        'Carve out a path below / (e.g. /api or /webhook); to serve a new host, leave the paths empty and pick a free subdomain.',
      );
    } else if (path && paths.includes(path)) {
      p.add(
        `paths[${i}]`,
        `The path ${path} is listed twice.`,
        'List each path once.',
      );
    } else if (path) {
      paths.push(path);
    }
  });
  if (p.list.length > 0) return { problems: p.list };
  return {
    problems: [],
    spec: {
      stack: stack!,
      namespace: namespace!,
      ingressName: ingressName!,
      subdomain: subdomain!,
      paths,
      serviceName: serviceName!,
      port: port!,
      dnsType: dnsType!,
      auth: auth!,
      clients: clients!,
    },
  };
}

import {
  hclComment,
  hclIdentifier,
  hclString,
  hclStringList,
} from '../hcl/escape';
import { AuthChoice, DnsType } from '../spec/types';
import { authLines } from './authLines';

/** One `ingress_factory` call, as the new-app and add-ingress templates write it. */
export interface IngressCall {
  /** Module label, a valid identifier. */
  label: string;
  /** Why this ingress exists, one line. */
  comment?: string;
  name: string;
  /** The host's subdomain label; omitted when it is the ingress name. */
  hostSubdomain?: string;
  namespaceExpr: string;
  serviceExpr: string;
  portExpr: string;
  paths?: string[];
  dnsType: DnsType;
  antiAiScraping?: boolean;
  auth: AuthChoice;
}

export function renderIngressCall(call: IngressCall): string[] {
  const out: string[] = [];
  if (call.comment) out.push(hclComment(call.comment));
  out.push(
    `module "${hclIdentifier(call.label)}" {`,
    '  source          = "../../modules/kubernetes/ingress_factory"',
    `  name            = ${hclString(call.name)}`,
  );
  // `host` is the subdomain label; the module adds its root_domain default,
  // as the infra's own calls rely on.
  if (call.hostSubdomain !== undefined)
    out.push(`  host            = ${hclString(call.hostSubdomain)}`);
  out.push(
    `  namespace       = ${call.namespaceExpr}`,
    '  tls_secret_name = var.tls_secret_name',
    `  service_name    = ${call.serviceExpr}`,
    `  port            = ${call.portExpr}`,
  );
  if (call.paths && call.paths.length > 0)
    out.push(`  ingress_path    = ${hclStringList(call.paths)}`);
  out.push(`  dns_type        = ${hclString(call.dnsType)}`);
  if (call.antiAiScraping !== undefined)
    out.push(`  anti_ai_scraping = ${call.antiAiScraping}`);
  out.push(...authLines(call.auth, '  '), '}');
  return out;
}

/** A module label for a carve-out path: `/api/v1` becomes `ingress_api_v1`. */
export function carveOutLabel(path: string, taken: Set<string>): string {
  const slug =
    path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'root';
  let label = `ingress_${slug}`;
  for (let i = 2; taken.has(label); i++) label = `ingress_${slug}_${i}`;
  taken.add(label);
  return hclIdentifier(label);
}

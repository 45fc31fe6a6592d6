import { alignAttributes } from '../hcl/alignAttributes';
import { hclString, terraformLabel } from '../hcl/escape';
import { AddIngressSpec } from '../spec/types';
import { renderIngressCall } from './ingressModule';
import { RenderedFile } from './types';

/** The file the add-ingress template adds: one module call, in a file of its own. */
export function addIngressPath(spec: AddIngressSpec): string {
  return `stacks/${spec.stack}/ingress_${terraformLabel(spec.ingressName)}.tf`;
}

/** The module label of the added call; unique in the stack (checked before rendering). */
export function addIngressLabel(spec: AddIngressSpec): string {
  return `ingress_${terraformLabel(spec.ingressName)}`;
}

/**
 * A new file with one more `ingress_factory` call. Existing files of the
 * stack are never rewritten: Terraform reads every `.tf` file of the folder.
 */
export function renderAddIngress(spec: AddIngressSpec): RenderedFile[] {
  const what =
    spec.paths.length > 0
      ? `Carve-out of ${spec.paths.join(', ')} on ${spec.subdomain}`
      : `Second host ${spec.subdomain}`;
  const lines = renderIngressCall({
    label: addIngressLabel(spec),
    comment: `${what}, added by the Infra Portal add-ingress template.`,
    name: spec.ingressName,
    hostSubdomain: spec.subdomain,
    namespaceExpr: hclString(spec.namespace),
    serviceExpr: hclString(spec.serviceName),
    portExpr: String(spec.port),
    paths: spec.paths,
    dnsType: spec.dnsType,
    auth: spec.auth,
  });
  return [
    {
      path: addIngressPath(spec),
      content: alignAttributes(`${lines.join('\n')}\n`),
    },
  ];
}

import { AuthTier } from '@internal/backstage-plugin-infra-common';

// From the gate that lets least through to the one that lets everything
// through: authentik login, authentik's anonymous guest, the app's own
// login, nothing.
const STRICTNESS: Record<AuthTier, number> = {
  required: 0,
  public: 1,
  app: 2,
  none: 3,
};

/** True when `to` lets through more than `from`. */
export function loosens(from: string, to: string): boolean {
  const a = STRICTNESS[from as AuthTier];
  const b = STRICTNESS[to as AuthTier];
  return a !== undefined && b !== undefined && b > a;
}

/** The sentence a reviewer reads first when a carve-out opens a path of a gated host. */
export function looseningNote(opts: {
  paths: ReadonlyArray<string>;
  host: string;
  from: string;
  to: string;
  hostIngress: string;
}): string {
  const gate =
    opts.from === 'required'
      ? ' Requests to these paths no longer pass authentik login.'
      : '';
  return `${opts.paths.join(', ')} on ${opts.host} loosens auth = "${
    opts.from
  }" (${opts.hostIngress}) to auth = "${opts.to}".${gate}`;
}

import type { IngressModel, SourcePos } from '../../model/types';
import { textOf } from '../describe';
import type { ConventionRule, HitTarget, RuleContext, RuleHit } from '../types';
import { AuthSite, GuardedTier, isGuardedFile, authSitesOf } from './authSites';

const WHAT_GATES: Record<GuardedTier, string> = {
  app: 'what gates the app',
  none: 'why it is public',
};

const MARKER_IN_TEXT = /auth\s*=\s*"(app|none)"/;

/**
 * `auth = "app"|"none"` needs a comment line `# auth = "<tier>": <reason>` in
 * the comment block directly above it. With the raw files the rule judges
 * every line exactly as the infra's guard does (see `authSites.ts`); without
 * them it falls back to the comments the model kept above each factory
 * call's `auth` argument: that cannot tell `#` from `//` comments, a literal
 * from an expression, or see a trailing comment or lines outside module
 * calls, so callers that have the files pass them.
 */
export const authJustificationRule: ConventionRule = {
  id: 'auth-justification',
  severity: 'error',
  check(ctx) {
    return ctx.files ? fromFiles(ctx) : fromModel(ctx);
  },
};

function fromFiles(ctx: RuleContext): RuleHit[] {
  const unreadable = new Set(
    ctx.model.skippedFiles
      .filter(s => s.reason === 'encrypted' || s.reason === 'binary')
      .map(s => s.file),
  );
  const hits: RuleHit[] = [];
  for (const file of ctx.files ?? []) {
    if (!isGuardedFile(file.path) || unreadable.has(file.path)) continue;
    for (const site of authSitesOf(file.content)) {
      if (site.justified) continue;
      const at = { file: file.path, line: site.line };
      for (const about of subjectsAt(ctx, at)) {
        hits.push(
          site.guarded ? missing(site, about, at) : trailing(site, about, at),
        );
      }
    }
  }
  return hits;
}

interface About {
  subject: string;
  who: string;
  target: HitTarget;
}

/** The ingresses whose auth argument is that line; the stack when none is (a map, a heredoc). */
function subjectsAt(ctx: RuleContext, at: SourcePos): About[] {
  const ingresses = ctx.ingressesAt(at.file, at.line);
  if (ingresses.length) return ingresses.map(ingressAbout);
  const stack = ctx.stackOfFile(at.file);
  return [
    {
      subject: stack ? `stack:${stack}` : `file:${at.file}`,
      who: `line ${at.line} of ${at.file}`,
      target: { stack, addresses: [] },
    },
  ];
}

/**
 * An ingress as its call site reads: the module call for a factory ingress
 * (with its instance path, `module.app["web"].module.ingress`), the resource
 * for a plain one.
 */
function ingressAbout(i: IngressModel): About {
  const declared = i.kind === 'plain' ? i.moduleName : `module.${i.moduleName}`;
  const shown =
    (i.kind === 'plain' ? i.instance?.address : i.instance?.modulePath) ||
    declared;
  const host = textOf(i.host);
  const addresses = [
    ...new Set([declared, shown, i.instance?.address].filter(Boolean)),
  ] as string[];
  return {
    subject: i.id,
    who: `${shown}${host ? ` (${host})` : ''}`,
    target: { stack: i.stack, addresses, name: host },
  };
}

function missing(site: AuthSite, about: About, at: SourcePos): RuleHit {
  const { tier } = site;
  const lines = site.commentBlock.length;
  let what: string;
  if (site.otherTiers.length) {
    what = `but the comment above it justifies auth = "${site.otherTiers[0]}", not "${tier}"`;
  } else if (lines) {
    what = `but none of the ${lines} comment line${
      lines === 1 ? '' : 's'
    } above it says auth = "${tier}"`;
  } else {
    what = `with no comment above it saying ${WHAT_GATES[tier]}`;
  }
  const detached = site.detachedMarkerLine
    ? ` The reason at line ${site.detachedMarkerLine} is cut off from it by a blank line.`
    : '';
  return {
    subject: about.subject,
    kind: 'violation',
    message: `${about.who} sets auth = "${tier}" ${what}.${detached}`,
    fix: site.detachedMarkerLine
      ? `Remove the blank line between the comment and the auth line.`
      : `Put \`# auth = "${tier}": <${WHAT_GATES[tier]}>\` in the comment lines directly above the auth line (no blank line between).`,
    at,
    target: about.target,
  };
}

function trailing(site: AuthSite, about: About, at: SourcePos): RuleHit {
  const reason = site.trailingComment
    ? `its reason only as a trailing comment ("${site.trailingComment}")`
    : 'an empty trailing comment';
  return {
    subject: about.subject,
    kind: 'note',
    message: `${about.who} sets auth = "${site.tier}" with ${reason}; the infra's guard reads only a \`# auth = "${site.tier}": ...\` line above it.`,
    fix: `Move the reason to its own comment line above: \`# auth = "${
      site.tier
    }": ${site.trailingComment || `<${WHAT_GATES[site.tier]}>`}\`.`,
    at,
    target: about.target,
  };
}

/** Without the files: the own-line comments the model kept above each ingress's auth argument. */
function fromModel(ctx: RuleContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const stack of ctx.model.stacks) {
    for (const i of stack.ingresses) {
      const tier = i.authTier;
      // Only a factory call's own `auth` argument is a site; a plain
      // ingress has no `auth` line to comment.
      if (i.kind !== 'factory' || i.authDefaulted || !i.authAt) continue;
      if (tier !== 'app' && tier !== 'none') continue;
      const at = i.authAt;
      const markers = i.authComments.flatMap(c =>
        c.text
          .split(/\r\n|\r|\n/)
          .map(l => MARKER_IN_TEXT.exec(l)?.[1] as GuardedTier | undefined),
      );
      if (markers.includes(tier)) continue;
      const site: AuthSite = {
        line: at.line,
        tier,
        guarded: true,
        commentBlock: i.authComments.map(c => c.text),
        justified: false,
        otherTiers: [...new Set(markers.filter((t): t is GuardedTier => !!t))],
      };
      hits.push(missing(site, ingressAbout(i), at));
    }
  }
  return hits;
}

export type OutputFormat = 'json' | 'summary' | 'lines';
export type FailOn = 'error' | 'warning' | 'never';

export interface PreviewArgs {
  /** The infra repo, as given (resolved against the caller's directory later). */
  path: string;
  /** Repo-relative org file. */
  org: string;
  defaultOwner?: string;
  webUrl?: string;
  format: OutputFormat;
  /**
   * What makes the exit code 1. Default `error`; with `--summary`, which is
   * a report, `never` unless `--fail-on` is given.
   */
  failOn: FailOn;
  /** True when `--fail-on` was given (the summary then says it gated). */
  failOnGiven: boolean;
  /** Stack folders to judge (`stacks/<name>` or `<name>`); empty with `changed` empty: all. */
  stacks: string[];
  /** Changed files whose stacks to judge; `-` reads the list from stdin. */
  changed: string[];
  /** app-config files whose `catalog.providers.infra.conventions` policy to apply, in order. */
  configs: string[];
}

export const USAGE = `usage: catalog:preview <path-to-infra-repo> [options]

  --format json|summary|lines   output (default json); lines: file:line: severity: message
  --summary                     same as --format summary
  --fail-on error|warning|never exit 1 on findings of this severity or worse
                                (default error; with --summary, a report: never)
  --stacks <dir>...             judge only these stacks (stacks/<name> or <name>)
  --changed <file>...           judge only the stacks these files touch ('-': read them from stdin)
  --org <file>                  repo-relative org file (default org.yaml)
  --default-owner <entity ref>  owner of stacks the org file does not assign
  --web-url <url>               browser URL of the repo root, for source links
  --config <app-config.yaml>    apply the portal's convention policy from this file (repeatable; later wins)

exit codes: 0 no finding at the --fail-on level, 1 some, 2 bad usage or unreadable repo
(--summary alone always exits 0 and says what --fail-on error would have found)`;

/** Bad command line: the message says what is wrong; the caller prints it with {@link USAGE}. */
export class UsageError extends Error {
  name = 'UsageError';
}

const FORMATS: readonly OutputFormat[] = ['json', 'summary', 'lines'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

function oneOf<T extends string>(
  option: string,
  value: string,
  allowed: readonly T[],
): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(
      `${option} must be one of ${allowed.join(', ')}, not '${value}'`,
    );
  return value as T;
}

/**
 * Parses the command line. `--stacks` and `--changed` take every value up
 * to the next option, so a list from `git diff --name-only` can follow
 * them; give the repo path before them. Returns `help` for `-h`/`--help`.
 */
export function parsePreviewArgs(argv: string[]): PreviewArgs | 'help' {
  let path: string | undefined;
  let format: OutputFormat | undefined;
  let summaryFlag = false;
  let failOn: FailOn | undefined;
  const out: Omit<PreviewArgs, 'path' | 'format' | 'failOn' | 'failOnGiven'> = {
    org: 'org.yaml',
    stacks: [],
    changed: [],
    configs: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const [option, inline] = argv[i].startsWith('--')
      ? (argv[i].split(/=(.*)/s, 2) as [string, string | undefined])
      : [argv[i], undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('-') && v !== '-'))
        throw new UsageError(`${option} needs a value`);
      i++;
      return v;
    };
    const values = () => {
      const list = inline !== undefined ? [inline] : [];
      while (
        i + 1 < argv.length &&
        (!argv[i + 1].startsWith('-') || argv[i + 1] === '-')
      )
        list.push(argv[++i]);
      if (!list.length)
        throw new UsageError(`${option} needs at least one value`);
      return list;
    };
    switch (option) {
      case '-h':
      case '--help':
        return 'help';
      case '--org':
        out.org = value();
        break;
      case '--default-owner':
        out.defaultOwner = value();
        break;
      case '--web-url':
        out.webUrl = value();
        break;
      case '--config':
        out.configs.push(value());
        break;
      case '--format':
        format = oneOf('--format', value(), FORMATS);
        break;
      case '--summary':
        summaryFlag = true;
        break;
      case '--fail-on':
        failOn = oneOf('--fail-on', value(), FAIL_ON);
        break;
      case '--stacks':
        out.stacks.push(...values());
        break;
      case '--changed':
        out.changed.push(...values());
        break;
      default:
        if (option.startsWith('-'))
          throw new UsageError(`unknown option ${option}`);
        if (path !== undefined)
          throw new UsageError(
            `only one repo path (got '${path}' and '${option}'); give --stacks/--changed lists after the path`,
          );
        path = option;
    }
  }
  if (path === undefined)
    throw new UsageError('the path of the infra repo is required');
  if (summaryFlag && format && format !== 'summary')
    throw new UsageError(`--summary contradicts --format ${format}`);
  const resolved = summaryFlag ? 'summary' : format ?? 'json';
  return {
    ...out,
    path,
    format: resolved,
    failOn: failOn ?? (resolved === 'summary' ? 'never' : 'error'),
    failOnGiven: failOn !== undefined,
  };
}

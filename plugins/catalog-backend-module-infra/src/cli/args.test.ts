import { parsePreviewArgs, PreviewArgs, UsageError } from './args';

const parse = (argv: string[]) => parsePreviewArgs(argv) as PreviewArgs;

describe('parsePreviewArgs', () => {
  it('defaults to JSON, failing on errors, judging every stack', () => {
    expect(parsePreviewArgs(['../infra'])).toEqual({
      path: '../infra',
      org: 'org.yaml',
      format: 'json',
      failOn: 'error',
      failOnGiven: false,
      stacks: [],
      changed: [],
      configs: [],
    });
  });

  it('reads every option, in either --x v or --x=v form', () => {
    expect(
      parsePreviewArgs([
        'repo',
        '--format=lines',
        '--fail-on',
        'warning',
        '--org',
        'teams.yaml',
        '--default-owner=group:default/ops',
        '--web-url',
        'https://forge.example/infra',
        '--config',
        'app-config.yaml',
        '--config=app-config.local.yaml',
      ]),
    ).toMatchObject({
      format: 'lines',
      failOn: 'warning',
      org: 'teams.yaml',
      defaultOwner: 'group:default/ops',
      webUrl: 'https://forge.example/infra',
      configs: ['app-config.yaml', 'app-config.local.yaml'],
    });
    expect(parse(['repo', '--summary']).format).toBe('summary');
  });

  it('reports without gating in a summary, unless --fail-on is given', () => {
    expect(parse(['repo', '--summary'])).toMatchObject({
      failOn: 'never',
      failOnGiven: false,
    });
    expect(parse(['repo', '--format', 'summary']).failOn).toBe('never');
    expect(parse(['repo', '--summary', '--fail-on', 'error'])).toMatchObject({
      failOn: 'error',
      failOnGiven: true,
    });
    expect(parse(['repo', '--format', 'lines']).failOn).toBe('error');
  });

  it('takes every value up to the next option for --stacks and --changed', () => {
    expect(
      parsePreviewArgs([
        'repo',
        '--stacks',
        'stacks/a',
        'b',
        '--changed',
        'stacks/c/main.tf',
        'modules/x/main.tf',
        '--fail-on',
        'never',
      ]),
    ).toMatchObject({
      stacks: ['stacks/a', 'b'],
      changed: ['stacks/c/main.tf', 'modules/x/main.tf'],
      failOn: 'never',
    });
    expect(parse(['repo', '--changed', '-']).changed).toEqual(['-']);
  });

  it.each([
    [[], /path of the infra repo is required/],
    [['a', 'b'], /only one repo path/],
    [
      ['a', '--format', 'xml'],
      /--format must be one of json, summary, lines, not 'xml'/,
    ],
    [
      ['a', '--fail-on', 'info'],
      /--fail-on must be one of error, warning, never/,
    ],
    [['a', '--stacks'], /--stacks needs at least one value/],
    [['a', '--org'], /--org needs a value/],
    [['a', '--org', '--summary'], /--org needs a value/],
    [
      ['a', '--summary', '--format', 'lines'],
      /--summary contradicts --format lines/,
    ],
    [['a', '--verbose'], /unknown option --verbose/],
  ])('rejects %j with what is wrong', (argv, message) => {
    expect(() => parsePreviewArgs(argv as string[])).toThrow(UsageError);
    expect(() => parsePreviewArgs(argv as string[])).toThrow(message);
  });

  it('answers help', () => {
    expect(parsePreviewArgs(['--help'])).toBe('help');
  });
});

import { problemWithChoice } from './authTierChoice';

describe('problemWithChoice', () => {
  it('accepts required and public without a justification', () => {
    expect(problemWithChoice({ tier: 'required' })).toBeUndefined();
    expect(problemWithChoice({ tier: 'public' })).toBeUndefined();
  });

  it('asks for a tier when none or an unknown one is given', () => {
    expect(problemWithChoice(undefined)).toBe('Choose what gates the app.');
    expect(problemWithChoice({ tier: 'optional' as never })).toBe(
      'Choose what gates the app.',
    );
  });

  it('names what the justification must say for app and none', () => {
    expect(problemWithChoice({ tier: 'app', justification: '  ' })).toMatch(
      /say which login the app has/,
    );
    expect(problemWithChoice({ tier: 'none' })).toMatch(
      /say what gates the app instead, or why it is public/,
    );
  });

  it('refuses a justification spanning lines, which would end the HCL comment', () => {
    // Values can arrive from the URL or the API, not only from the text box.
    expect(
      problemWithChoice({
        tier: 'none',
        justification: 'webhook receiver\nresource "x" "y" {}',
      }),
    ).toMatch(/on one line/);
  });

  it('refuses a placeholder-length justification and accepts a sentence', () => {
    expect(problemWithChoice({ tier: 'app', justification: 'x' })).toMatch(
      /too short/,
    );
    expect(
      problemWithChoice({
        tier: 'app',
        justification: 'immich has its own OAuth login',
      }),
    ).toBeUndefined();
  });
});

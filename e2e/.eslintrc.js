// The browser tests and their Playwright config are linted like the
// packages (Node code, as a backend package is), though they are no package.
module.exports =
  require('@backstage/cli/config/eslint-factory').createConfigForRole(
    __dirname,
    'node-library',
    {
      rules: {
        // Playwright's `test` / `expect`, not Jest's.
        'jest/no-standalone-expect': 'off',
        'jest/valid-title': 'off',
        // Tests import Playwright and the test services from the root's devDependencies.
        'import/no-extraneous-dependencies': 'off',
      },
    },
  );

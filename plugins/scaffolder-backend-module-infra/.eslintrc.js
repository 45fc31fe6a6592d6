module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // Developer tooling run with tsx from the repo root (template:dry-run,
      // the benchmark) and the in-process backend they share with the tests.
      // None of it is reachable from src/index.ts, so none of it ships; it
      // may use the test utilities the package lists as devDependencies.
      files: ['src/dryRun/**', 'src/cli/**', 'src/bench/**'],
      rules: {
        '@backstage/no-undeclared-imports': 'off',
      },
    },
  ],
});

import '@testing-library/jest-dom';

// A test app's first render takes seconds when CI runs many test files at
// once on two cores (an AuthTierPicker test ran past the default 5 s there):
// the budget is for a loaded machine, not for a slow page.
jest.setTimeout(20_000);

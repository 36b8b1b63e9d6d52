// The browser journeys (Debian's Chromium through playwright-core), kept apart from
// `npm test` because they need a browser on the machine.
const base = require('./jest.config.js');
const shared = { ...base.projects[0] };
delete shared.displayName;
delete shared.testMatch;

module.exports = {
  ...shared,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1,
};

// npm run test:faults: the fault suite alone (real processes, minutes), never part of npm test.
module.exports = {
  rootDir: '../..',
  displayName: 'faults',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  testTimeout: 900000,
};

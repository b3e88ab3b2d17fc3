// Three projects: unit specs beside the code, integration specs against real
// Postgres and NATS, end-to-end specs that start the apps as processes.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@d115/contracts$': '<rootDir>/libs/contracts/src',
  '^@d115/contracts/(.*)$': '<rootDir>/libs/contracts/src/$1',
  '^@d115/(messaging|database|observability|platform|calendar|testing)$': '<rootDir>/libs/$1/src',
};

const common = {
  rootDir: __dirname,
  // jose and oidc-provider ship ES modules only (Node's require loads them, Jest's does not): compiled like our code.
  transform: { '^.+\\.ts$': swc, '/node_modules/(jose|oidc-provider)/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts', '<rootDir>/test'],
};

module.exports = {
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      slowTestThreshold: 20,
    },
  ],
};

/**
 * serverless.yml's `${file(./infra/serverless/index.cjs):…}` source. osls loads these files with
 * require(), so this CommonJS shim loads the TypeScript generator through tsx. Each export is resolved
 * by osls with ({ resolveConfigurationProperty, options }); `custom.lambdaConnect` is the deploy config.
 */
'use strict';
/* global require, module, __filename -- CommonJS, as osls loads it */
/* eslint-disable @typescript-eslint/no-require-imports -- osls requires CommonJS here */

const { require: tsxRequire } = require('tsx/cjs/api');

const generator = () => tsxRequire('./serverless-config.ts', __filename);

async function context({ resolveConfigurationProperty, options }) {
  const service = await resolveConfigurationProperty(['service']);
  const stage = options.stage ?? (await resolveConfigurationProperty(['provider', 'stage'])) ?? 'dev';
  const config = await resolveConfigurationProperty(['custom', 'lambdaConnect']);
  return generator().serverlessContext(service, stage, config);
}

module.exports = {
  functions: async (api) => generator().serverlessFunctions(await context(api)),
  resources: async (api) => generator().serverlessResources(await context(api)),
  provider: async (api) => generator().serverlessProvider(await context(api)),
};

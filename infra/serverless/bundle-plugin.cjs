/**
 * A local osls plugin: before packaging, bundles every function with infra/bundle.ts (esbuild, the
 * manifest's options and our plugins: what the CDK app's asset bundling runs) into
 * dist/serverless/<function>/, which is all each function's package contains. No serverless-esbuild
 * (and none of its peer dependencies) needed.
 */
'use strict';
/* global require, module -- CommonJS, as osls loads it */
/* eslint-disable @typescript-eslint/no-require-imports -- osls requires CommonJS here */

const path = require('node:path');
const { register } = require('tsx/cjs/api');

class LambdaConnectBundlePlugin {
  constructor(serverless, options, { log }) {
    this.serverless = serverless;
    this.log = log;
    this.hooks = {
      'before:package:createDeploymentArtifacts': () => this.bundle(Object.keys(serverless.service.functions ?? {})),
      'before:deploy:function:packageFunction': () => this.bundle([options.function]),
    };
  }

  async bundle(ids) {
    // Registered for the duration only (not namespaced: esbuild locates its binary from its own path).
    const unregister = register();
    try {
      const { FUNCTIONS, BASIC_AUTH_AUTHORIZER } = require('../functions.manifest.ts');
      const { bundleFunction } = require('../bundle.ts');
      const { BUILD_DIR } = require('./serverless-config.ts');
      const root = this.serverless.serviceDir;
      const started = Date.now();
      await Promise.all(
        ids.map((id) => {
          const spec = id === BASIC_AUTH_AUTHORIZER.id ? BASIC_AUTH_AUTHORIZER : FUNCTIONS[id];
          if (!spec) throw new Error(`Function ${id} is not in infra/functions.manifest.ts`);
          return bundleFunction(spec, root, path.join(root, BUILD_DIR, id));
        }),
      );
      this.log.info(`Bundled ${ids.length} function(s) with esbuild in ${Date.now() - started} ms`);
    } finally {
      unregister();
    }
  }
}

module.exports = LambdaConnectBundlePlugin;

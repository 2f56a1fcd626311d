/**
 * What a Lambda bundle has in place of kafkajs's `producer/groupMessagesPerPartition` module: the
 * esbuild plugin in infra/esbuild-plugins.ts points kafkajs's `require('./groupMessagesPerPartition')`
 * here. The export is our one-pass grouping (kafkajs-group-messages.ts, same result). Outside bundles,
 * kafkajs-group-messages.ts swaps the module in the require cache before kafkajs loads.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs requires it */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs requires this module */

const { groupMessagesPerPartition } = require('./kafkajs-group-messages.ts');

function lambdaConnectGroupMessagesPerPartition(args) {
  return groupMessagesPerPartition(args);
}
/** Survives minification: tests find it in a bundle. */
lambdaConnectGroupMessagesPerPartition.implementation = 'lambda-connect:group-messages-one-pass';

module.exports = lambdaConnectGroupMessagesPerPartition;

/**
 * What a Lambda bundle has in place of kafkajs's `protocol/recordBatch/crc32C` module: the esbuild plugin
 * in infra/esbuild-plugins.ts points kafkajs's `require('../crc32C')` here. kafkajs calls the module's
 * export directly with the record batch bytes, so the export is the function: our slicing-by-8 CRC-32C
 * (crc32c.ts, same checksums). Outside bundles, kafkajs-crc32c.ts patches the require cache instead.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs requires it */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs requires this module */

const { crc32c } = require('./crc32c.ts');

function lambdaConnectCrc32c(buffer) {
  return crc32c(buffer);
}
/** Survives minification: tests find it in a bundle. */
lambdaConnectCrc32c.implementation = 'lambda-connect:crc32c-slicing-by-8';

module.exports = lambdaConnectCrc32c;

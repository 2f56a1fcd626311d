/**
 * What a Lambda bundle has in place of kafkajs's `protocol/requests/produce/v3/request` module: the
 * esbuild plugin in infra/esbuild-plugins.ts points kafkajs's `require('./v3/request')` (produce/index)
 * and `require('../v3/request')` (v4, from which v5–v7 build) here. The export is kafkajs's own request
 * factory wrapped with our one-pass encoder (kafkajs-produce-request.ts, same bytes). Outside bundles,
 * kafkajs-produce-request.ts patches the require cache instead.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs requires it */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs requires this module */

const kafkajsRequest = require('kafkajs/src/protocol/requests/produce/v3/request.js');
const { withFastEncode } = require('./kafkajs-produce-request.ts');

const lambdaConnectProduceRequest = withFastEncode(kafkajsRequest);
/** Survives minification: tests find it in a bundle. */
lambdaConnectProduceRequest.implementation = 'lambda-connect:produce-request-one-pass';

module.exports = lambdaConnectProduceRequest;

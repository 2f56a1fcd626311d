/**
 * What a Lambda bundle has in place of kafkajs's `protocol/request` module: the esbuild plugin in
 * infra/esbuild-plugins.ts points kafkajs's `require('../protocol/request')` (network/connection) here.
 * The export frames a request as kafkajs's does, with one copy (kafkajs-request-framing.ts, same
 * bytes). Outside bundles, kafkajs-request-framing.ts swaps the module before kafkajs loads.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs requires it */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs requires this module */

const { frameRequest } = require('./kafkajs-request-framing.ts');

function lambdaConnectFrameRequest(args) {
  return frameRequest(args);
}
/** Survives minification: tests find it in a bundle. */
lambdaConnectFrameRequest.implementation = 'lambda-connect:request-framing-one-copy';

module.exports = lambdaConnectFrameRequest;

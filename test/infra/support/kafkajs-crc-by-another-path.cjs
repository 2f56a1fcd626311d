/**
 * An entry for test/infra/bundling.test.ts: names kafkajs's crc32C module by a path the plugin's
 * resolver does not recognise, so the build must refuse to bundle kafkajs's byte-wise loop.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs's own modules */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's internal modules are CommonJS */

module.exports = require('kafkajs/src/protocol/recordBatch/crc32C/./index.js');

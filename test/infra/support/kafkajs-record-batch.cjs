/**
 * An entry for infra/bundle.ts in test/infra/bundling.test.ts: kafkajs's record-batch encoder (which
 * requires `../crc32C`, the module the deployed bundles replace) and the crc32C module itself, as a
 * bundle sees them.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs's own modules */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's internal modules are CommonJS */

const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js');
const Record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js');
const crc = require('kafkajs/src/protocol/recordBatch/crc32C/index.js');

module.exports = { RecordBatch, Record, crc };

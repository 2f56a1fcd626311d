/**
 * An entry for infra/bundle.ts in test/infra/bundling.test.ts: kafkajs's Produce request versions
 * (produce/index requires `./v3/request`, v4 `../v3/request`: the module the deployed bundles wrap)
 * and its request framing, as a bundle sees them.
 */
'use strict';
/* global require, module -- CommonJS, as kafkajs's own modules */
/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's internal modules are CommonJS */

const produce = require('kafkajs/src/protocol/requests/produce/index.js');
// What network/connection requires as `../protocol/request`: the bundles have our framing there.
const frame = require('kafkajs/src/protocol/request.js');

module.exports = { produce, frame };

#!/usr/bin/env node
// `prestart` step of `npm start`: makes sure kcat (the embedded Kafka broker) is installed, installing
// it as root on Debian/Ubuntu. It never blocks the start: if kcat is still missing and Kafka is needed,
// `lambda-connect standalone` itself stops with the install command (see lib/standalone/ensure-kcat.ts).
import { register } from 'tsx/esm/api';

register();
const { ensureKcat } = await import('../lib/standalone/ensure-kcat.ts');
ensureKcat();

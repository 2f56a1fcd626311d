/** The default RestLogger: one JSON line per event on stderr. */
import { stringifyJson } from './json-response';
import type { RestLogger } from './types';

export const consoleRestLogger: RestLogger = {
  error: (message, fields) => console.error(stringifyJson({ level: 'ERROR', logger: 'rest', message, ...fields })),
  warn: (message, fields) => console.error(stringifyJson({ level: 'WARN', logger: 'rest', message, ...fields })),
};

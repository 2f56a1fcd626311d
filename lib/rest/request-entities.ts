/**
 * Decoders from a parsed body to the entities the herder takes, with Jackson's mapping rules:
 * scalars given where a String is expected become that string (numbers keep their source text,
 * so big integers stay exact), JSON null stays null, unknown fields of an entity are refused, and a
 * nested object or array where a String is expected is refused. Kafka answers those mapping errors
 * with 500; we answer 400 (a deliberate improvement), keeping Jackson's wording for the start of the
 * message so that clients matching on it still work.
 */
import { BadRequestError } from '#lib/errors';
import type { ConnectorOffsets, InitialState, RequestConfig } from '#lib/herder/types';
import type { JsonNode } from './json-parser';

export const MISSING_BODY = 'A JSON object is required as the request body';
export const PARTITIONS_REQUIRED = 'Partitions / offsets need to be provided for an alter offsets request';
export const LEVEL_REQUIRED = "Desired 'level' parameter was not specified in request.";

const ENTITIES = 'org.apache.kafka.connect.runtime.rest.entities';
const STRING_MAP = 'java.util.LinkedHashMap<java.lang.String,java.lang.String>';
const OBJECT_MAP = 'java.util.LinkedHashMap<java.lang.String,java.lang.Object>';
const INITIAL_STATES: readonly InitialState[] = ['RUNNING', 'PAUSED', 'STOPPED'];

export interface CreateConnectorBody {
  /** The top-level name as sent (not yet trimmed); null when absent. */
  name: string | null;
  config: RequestConfig;
  initialState?: InitialState;
}

/** A `{str: str|null}` body (PUT/PATCH config, validate, logger level). */
export function decodeConfigMap(node: JsonNode | undefined): RequestConfig {
  if (node === undefined || node.kind === 'null') throw new BadRequestError(MISSING_BODY);
  return stringMap(node, '');
}

export function decodeCreateConnector(node: JsonNode | undefined): CreateConnectorBody {
  const cls = `${ENTITIES}.CreateConnectorRequest`;
  const members = entityMembers(node, cls, ['name', 'config', 'initial_state']);
  const config = members.get('config');
  if (config === undefined || config.kind === 'null') throw new BadRequestError('The request body must contain a "config" object');
  const name = members.get('name');
  const state = members.get('initial_state');
  const body: CreateConnectorBody = {
    name: name === undefined ? null : scalarText(name, `CreateConnectorRequest["name"]`),
    config: stringMap(config, `CreateConnectorRequest["config"]`),
  };
  const stateText = state === undefined ? null : scalarText(state, `CreateConnectorRequest["initial_state"]`);
  if (stateText !== null) body.initialState = initialState(stateText);
  return body;
}

export function decodeOffsets(node: JsonNode | undefined): ConnectorOffsets {
  if (node === undefined || node.kind === 'null') throw new BadRequestError(PARTITIONS_REQUIRED);
  const list = entityMembers(node, `${ENTITIES}.ConnectorOffsets`, ['offsets']).get('offsets');
  if (list === undefined || list.kind === 'null') throw new BadRequestError(PARTITIONS_REQUIRED);
  if (list.kind !== 'array') throw mismatch(`java.util.ArrayList<${ENTITIES}.ConnectorOffset>`, list, 'ConnectorOffsets["offsets"]');
  if (list.items.length === 0) throw new BadRequestError(PARTITIONS_REQUIRED);
  const offsets = list.items.map((item, i) => {
    const members = entityMembers(item, `${ENTITIES}.ConnectorOffset`, ['partition', 'offset'], `ConnectorOffsets["offsets"]->[${i}]`);
    return {
      partition: nullableObjectMap(members.get('partition'), `ConnectorOffset["partition"]`),
      offset: nullableObjectMap(members.get('offset'), `ConnectorOffset["offset"]`),
    };
  });
  // Kafka reports a null or missing partition itself ("cannot be null or missing"), so it is passed on.
  return { offsets } as ConnectorOffsets;
}

/** The `level` of a `PUT /admin/loggers/{l}` body, as sent. */
export function decodeLoggerLevel(node: JsonNode | undefined): string {
  if (node === undefined || node.kind === 'null') throw new BadRequestError(LEVEL_REQUIRED);
  const map = decodeConfigMap(node);
  const level = Object.hasOwn(map, 'level') ? map.level : null;
  if (level === null || level === undefined) throw new BadRequestError(LEVEL_REQUIRED);
  return level;
}

function initialState(text: string): InitialState {
  const upper = text.toUpperCase();
  const state = INITIAL_STATES.find((s) => s === upper);
  if (state !== undefined) return state;
  throw new BadRequestError(
    `Cannot construct instance of \`${ENTITIES}.CreateConnectorRequest$InitialState\`, problem: ` +
      `No enum constant InitialState.${upper} (valid values: ${INITIAL_STATES.join(', ')})`,
  );
}

function entityMembers(node: JsonNode | undefined, cls: string, known: readonly string[], chain = ''): Map<string, JsonNode> {
  if (node === undefined || (node.kind === 'null' && chain === '')) throw new BadRequestError(MISSING_BODY);
  if (node.kind !== 'object') throw mismatch(cls, node, chain);
  for (const key of node.members.keys()) {
    if (!known.includes(key)) {
      const list = known.map((k) => `"${k}"`).join(', ');
      throw new BadRequestError(
        `Unrecognized field "${key}" (class ${cls}), not marked as ignorable (${known.length} known ${known.length === 1 ? 'property' : 'properties'}: ${list})`,
      );
    }
  }
  return node.members;
}

/** `chain` locates the map itself ('' at the top level), in Jackson's reference-chain notation. */
function stringMap(node: JsonNode, chain: string): RequestConfig {
  if (node.kind !== 'object') throw mismatch(STRING_MAP, node, chain);
  const prefix = chain === '' ? 'java.util.LinkedHashMap' : `${chain}->java.util.LinkedHashMap`;
  const map: RequestConfig = {};
  for (const [key, value] of node.members) define(map, key, scalarText(value, `${prefix}[${JSON.stringify(key)}]`));
  return map;
}

function nullableObjectMap(node: JsonNode | undefined, chain: string): Record<string, unknown> | null {
  if (node === undefined || node.kind === 'null') return null;
  if (node.kind !== 'object') throw mismatch(OBJECT_MAP, node, chain);
  return toPlain(node) as Record<string, unknown>;
}

/** A scalar read as Java String: strings as is, numbers by their source text, booleans as words. */
function scalarText(node: JsonNode, chain: string): string | null {
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.raw;
    case 'boolean':
      return String(node.value);
    case 'null':
      return null;
    default:
      throw mismatch('java.lang.String', node, chain);
  }
}

/** Plain JS values for connector-defined maps; integers beyond 2^53 become bigints (as the stores keep them). */
function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'null':
      return null;
    case 'boolean':
    case 'string':
      return node.value;
    case 'number': {
      const value = Number(node.raw);
      return /^-?\d+$/.test(node.raw) && !Number.isSafeInteger(value) ? BigInt(node.raw) : value;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'object': {
      const map: Record<string, unknown> = {};
      for (const [key, value] of node.members) define(map, key, toPlain(value));
      return map;
    }
  }
}

/** defineProperty, not assignment: a `__proto__` key must stay an ordinary own entry. */
function define<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

function mismatch(type: string, node: JsonNode, chain: string): BadRequestError {
  const where = chain === '' ? '' : ` (through reference chain: ${chain})`;
  return new BadRequestError(`Cannot deserialize value of type \`${type}\` from ${describeToken(node)}${where}`);
}

function describeToken(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'Object value (token `JsonToken.START_OBJECT`)';
    case 'array':
      return 'Array value (token `JsonToken.START_ARRAY`)';
    case 'string':
      return 'String value (token `JsonToken.VALUE_STRING`)';
    case 'number':
      return /^-?\d+$/.test(node.raw)
        ? 'Integer value (token `JsonToken.VALUE_NUMBER_INT`)'
        : 'Floating-point value (token `JsonToken.VALUE_NUMBER_FLOAT`)';
    case 'boolean':
      return `Boolean value (token \`JsonToken.VALUE_${node.value ? 'TRUE' : 'FALSE'}\`)`;
    case 'null':
      return 'Null value (token `JsonToken.VALUE_NULL`)';
  }
}

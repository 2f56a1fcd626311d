import { describe, expect, it } from 'vitest';
import { parseJson } from '#lib/rest/json-parser';
import { decodeConfigMap, decodeCreateConnector, decodeLoggerLevel, decodeOffsets } from '#lib/rest/request-entities';

const parse = (text: string) => parseJson(text);

describe('decodeConfigMap', () => {
  it('names the offending key in Jackson reference-chain notation', () => {
    expect(() => decodeConfigMap(parse('{"a":"1","b":[2]}'))).toThrow(
      'Cannot deserialize value of type `java.lang.String` from Array value (token `JsonToken.START_ARRAY`) (through reference chain: java.util.LinkedHashMap["b"])',
    );
  });

  it('describes a top-level non-object by its token', () => {
    expect(() => decodeConfigMap(parse('12'))).toThrow(
      'Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.String>` from Integer value (token `JsonToken.VALUE_NUMBER_INT`)',
    );
  });

  it('refuses an empty body and a JSON null alike', () => {
    expect(() => decodeConfigMap(undefined)).toThrow('A JSON object is required as the request body');
    expect(() => decodeConfigMap(parse('null'))).toThrow('A JSON object is required as the request body');
  });
});

describe('decodeCreateConnector', () => {
  it('locates a bad config value under "config"', () => {
    expect(() => decodeCreateConnector(parse('{"name":"n","config":{"x":{}}}'))).toThrow(
      'through reference chain: CreateConnectorRequest["config"]->java.util.LinkedHashMap["x"]',
    );
  });

  it('lists the known properties when refusing an unknown one', () => {
    expect(() => decodeCreateConnector(parse('{"name":"n","config":{},"initialState":"PAUSED"}'))).toThrow(
      'Unrecognized field "initialState" (class org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest), not marked as ignorable (3 known properties: "name", "config", "initial_state")',
    );
  });

  it('reads a null initial_state and a null name as absent', () => {
    expect(decodeCreateConnector(parse('{"name":null,"config":{},"initial_state":null}'))).toEqual({ name: null, config: {} });
  });

  it('refuses a name given as an object', () => {
    expect(() => decodeCreateConnector(parse('{"name":{},"config":{}}'))).toThrow('CreateConnectorRequest["name"]');
  });
});

describe('decodeOffsets', () => {
  it('keeps nested values of connector-defined maps', () => {
    expect(decodeOffsets(parse('{"offsets":[{"partition":{"a":[1,{"b":null}]},"offset":{"pos":1.5}}]}'))).toEqual({
      offsets: [{ partition: { a: [1, { b: null }] }, offset: { pos: 1.5 } }],
    });
  });

  it('refuses a partition that is not an object', () => {
    expect(() => decodeOffsets(parse('{"offsets":[{"partition":"p","offset":null}]}'))).toThrow('from String value');
  });

  it('refuses a null entry in the list', () => {
    expect(() => decodeOffsets(parse('{"offsets":[null]}'))).toThrow(
      'from Null value (token `JsonToken.VALUE_NULL`) (through reference chain: ConnectorOffsets["offsets"]->[0])',
    );
  });
});

describe('decodeLoggerLevel', () => {
  it('coerces a numeric level to its text', () => {
    expect(decodeLoggerLevel(parse('{"level":5}'))).toBe('5');
  });

  it('ignores other keys', () => {
    expect(decodeLoggerLevel(parse('{"level":"warn","x":"y"}'))).toBe('warn');
  });
});

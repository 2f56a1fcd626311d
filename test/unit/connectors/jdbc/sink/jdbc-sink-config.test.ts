import { describe, expect, it } from 'vitest';
import { parseJdbcSinkConfig } from '#lib/connectors/jdbc/sink/jdbc-sink-config';
import { JdbcSinkConnector } from '#lib/connectors/jdbc/sink/jdbc-sink-connector';
import { UTC_ZONE } from '#lib/connectors/jdbc/temporal/java-zone';

const URL = 'jdbc:postgresql://localhost/db';

describe('JDBC sink config', () => {
  it("has Confluent's defaults", () => {
    const config = parseJdbcSinkConfig({ 'connection.url': URL });
    expect({ ...config, tableTypes: [...config.tableTypes], fieldsWhitelist: [...config.fieldsWhitelist], timestampFields: [...config.timestampFields] }).toEqual({
      connectorName: null, connectionUrl: URL, user: null, password: null, tableNameFormat: '${topic}', batchSize: 3000, deleteEnabled: false, tableTypes: ['TABLE'], replaceNullWithDefault: true,
      insertMode: 'insert', pkMode: 'none', pkFields: [], fieldsWhitelist: [], zone: { id: 'UTC', fixedOffsetSeconds: 0 }, dateZone: { id: 'UTC', fixedOffsetSeconds: 0 }, timestampFields: [],
      timestampPrecision: 'microseconds', calendar: 'LEGACY', stringValueColumn: 'record_value', autoCreate: false, autoEvolve: false, quote: 'always', maxRetries: 10, retryBackoffMs: 3000,
    });
  });

  it('accepts enum values in either case and reads the other keys', () => {
    const config = parseJdbcSinkConfig({ name: 'n', 'connection.url': URL, 'insert.mode': 'UPSERT', 'pk.mode': 'RECORD_KEY', 'delete.enabled': 'true', 'table.types': 'table, view', 'db.timezone': 'Europe/Paris', 'date.timezone': 'utc', 'quote.sql.identifiers': 'NEVER', 'fields.include.list': 'a,b', 'table.name.format': ' kafka_${topic} ' });
    expect([config.connectorName, config.insertMode, config.pkMode, [...config.tableTypes], config.zone, config.dateZone, config.quote, [...config.fieldsWhitelist], config.tableNameFormat]).toEqual([
      'n', 'upsert', 'record_key', ['TABLE', 'VIEW'], { id: 'Europe/Paris', region: 'Europe/Paris' }, UTC_ZONE, 'never', ['a', 'b'], 'kafka_${topic}',
    ]);
  });

  it("rejects deletes without pk.mode=record_key and invalid values with Confluent's messages", () => {
    expect(() => parseJdbcSinkConfig({ 'connection.url': URL, 'delete.enabled': 'true' })).toThrow("Primary key mode must be 'record_key' when delete support is enabled");
    expect(() => parseJdbcSinkConfig({ 'connection.url': URL, 'pk.mode': 'key' })).toThrow('Invalid value key for configuration pk.mode: Invalid enumerator');
    expect(() => parseJdbcSinkConfig({ 'connection.url': URL, 'table.types': 'TABLE,MATERIALIZED VIEW' })).toThrow('Invalid value MATERIALIZED VIEW for configuration table.types: Invalid enumerator');
    expect(() => parseJdbcSinkConfig({})).toThrow('Missing required configuration "connection.url" which has no default value.');
  });

  it('gives every task the full connector config', () => {
    const connector = new JdbcSinkConnector();
    const props = { name: 'n', 'connection.url': URL, topics: 't' };
    connector.start(props);
    expect([connector.taskClass(), connector.taskConfigs(2)]).toEqual(['io.confluent.connect.jdbc.sink.JdbcSinkTask', [props, props]]);
  });

  it('recommends only record_key for pk.mode with deletes, and shows delete.enabled only then', async () => {
    const values = await new JdbcSinkConnector().validate({ 'connection.url': 'jdbc:mysql://x/db', 'delete.enabled': 'true', 'pk.mode': 'record_key' });
    const byName = new Map(values.map((v) => [v.name, v]));
    expect([byName.get('pk.mode')?.recommendedValues, byName.get('delete.enabled')?.visible]).toEqual([['record_key'], true]);
  });
});

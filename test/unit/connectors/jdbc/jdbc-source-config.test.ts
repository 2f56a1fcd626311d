import { describe, expect, it } from 'vitest';
import { configConflicts } from '#lib/connectors/jdbc/config/config-conflicts';
import { jdbcSourceConfigDef, jdbcSourceTaskConfigDef } from '#lib/connectors/jdbc/config/jdbc-source-config-def';
import { parseJdbcSourceConfig } from '#lib/connectors/jdbc/config/jdbc-source-config';
import { JdbcSourceConnector } from '#lib/connectors/jdbc/jdbc-source-connector';
import { toConfigKeyInfo } from '#lib/plugin/config-key-info';

const url = { 'connection.url': 'jdbc:postgresql://localhost/db', mode: 'bulk' };
const errors = (props: Record<string, string>): Record<string, string[]> =>
  Object.fromEntries(jdbcSourceConfigDef().validate(props).filter((v) => v.errorMessages.length > 0).map((v) => [v.name, v.errorMessages]));

describe('JDBC source config', () => {
  it('declares Confluent keys with their types, defaults and groups', () => {
    const keys = new Map([...jdbcSourceConfigDef().configKeys().values()].map((k) => [k.name, toConfigKeyInfo(k)]));
    const info = (name: string): unknown[] => {
      const key = keys.get(name);
      return [key?.type, key?.default_value, key?.group, key?.importance];
    };
    expect(info('connection.url')).toEqual(['STRING', '', 'Database', 'HIGH']);
    expect(info('connection.password')).toEqual(['PASSWORD', null, 'Database', 'HIGH']);
    expect(info('mode')).toEqual(['STRING', '', 'Mode', 'HIGH']);
    expect(info('timestamp.column.name')).toEqual(['LIST', '', 'Mode', 'MEDIUM']);
    expect(info('poll.interval.ms')).toEqual(['INT', '5000', 'Connector', 'HIGH']);
    expect(info('batch.max.rows')).toEqual(['INT', '1000', 'Connector', 'LOW']);
    expect(info('timestamp.delay.interval.ms')).toEqual(['LONG', '0', 'Connector', 'HIGH']);
    expect(info('db.timezone')).toEqual(['STRING', 'UTC', 'Connector', 'MEDIUM']);
    expect(info('numeric.mapping')).toEqual(['STRING', null, 'Database', 'LOW']);
    expect(jdbcSourceConfigDef().groups()).toEqual(['Database', 'Mode', 'Connector']);
  });

  it('adds the task keys to the task definition', () => {
    expect(jdbcSourceTaskConfigDef().names().slice(-2)).toEqual(['tables', 'tables.fetched']);
  });

  it('validates single keys with Confluent messages', () => {
    expect(errors({ ...url, 'db.timezone': 'Nowhere/Land', 'numeric.mapping': 'exact', 'topic.prefix': 'bad/prefix' })).toEqual({
      'db.timezone': ['Invalid value Nowhere/Land for configuration db.timezone: Invalid time zone. See the list of valid time zones at https://docs.oracle.com/javase/8/docs/api/java/time/ZoneId.html#shortIds'],
      'numeric.mapping': ['Invalid value exact for configuration numeric.mapping: Invalid enumerator'],
      'topic.prefix': ["Invalid value bad/prefix for configuration topic.prefix: Topic prefix must not contain any character other than ASCII alphanumerics, '.', '_' and '-'."],
    });
  });

  it('accepts numeric.mapping in either case and hides mode keys that do not apply', () => {
    const values = jdbcSourceConfigDef().validateAll({ ...url, 'numeric.mapping': 'BEST_FIT' });
    expect([values.get('numeric.mapping')?.errorMessages, values.get('incrementing.column.name')?.visible, values.get('query.masked')?.visible]).toEqual([[], false, false]);
  });

  it('takes the query from query.masked first and the numeric mapping from the deprecated key when unset', () => {
    const config = parseJdbcSourceConfig({ ...url, query: 'SELECT 1', 'query.masked': 'SELECT 2', 'numeric.precision.mapping': 'true', 'topic.prefix': ' pre- ' });
    expect([config.query, config.queryMasked, config.numericMapping, config.topicPrefix]).toEqual(['SELECT 2', true, 'precision_only', 'pre-']);
  });

  it('lists multi-key conflicts with Confluent messages', () => {
    const config = parseJdbcSourceConfig({ ...url, query: 'SELECT 1', 'query.masked': 'SELECT 2' });
    expect(configConflicts(config, 'SELECT 1', 'SELECT 2').map((p) => p.key)).toEqual(['query', 'query.masked']);
    const mixed = parseJdbcSourceConfig({ ...url, 'table.whitelist': 'a', 'table.include.list': 'b' });
    expect(configConflicts(mixed, '', '').map((p) => p.key)).toEqual(['table.whitelist', 'table.include.list']);
  });

  it('fails to start on a config conflict before touching the database', async () => {
    await expect(new JdbcSourceConnector().start({ ...url, 'table.exclude.list': 'x' })).rejects.toThrow('table.exclude.list cannot be used without table.include.list.');
  });
});

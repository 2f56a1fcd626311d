import { describe, expect, it } from 'vitest';
import { pgSettingsFromJdbcUrl } from '#lib/connectors/jdbc/connection/jdbc-url';

describe('connection.url translation', () => {
  it('reads host, port, database and URL credentials, which win over connection.user/password', () => {
    const { config, target } = pgSettingsFromJdbcUrl('jdbc:postgresql://db.example.com:6543/shop?user=alice&password=s%26cret', 'bob', 'pw');
    expect([config.host, config.port, config.database, config.user, config.password, target]).toEqual(['db.example.com', 6543, 'shop', 'alice', 's&cret', 'db.example.com:6543/shop']);
  });

  it('uses connection.user and connection.password when the URL has none', () => {
    const { config } = pgSettingsFromJdbcUrl('jdbc:postgresql://localhost/shop', 'bob', 'pw');
    expect([config.port, config.user, config.password]).toEqual([5432, 'bob', 'pw']);
  });

  it('defaults host, port and database (the user name) like pgjdbc', () => {
    const { config } = pgSettingsFromJdbcUrl('jdbc:postgresql:', 'bob', null);
    expect([config.host, config.port, config.database]).toEqual(['localhost', 5432, 'bob']);
    expect(pgSettingsFromJdbcUrl('jdbc:postgresql:shop', null, null).config.database).toBe('shop');
  });

  it('reads bracketed IPv6 hosts and uses the first of several hosts', () => {
    const { config } = pgSettingsFromJdbcUrl('jdbc:postgresql://[::1]:5433,other:5434/db', null, null);
    expect([config.host, config.port]).toEqual(['::1', 5433]);
  });

  it('maps timeouts, application name, schema and keep-alive', () => {
    const { config } = pgSettingsFromJdbcUrl('jdbc:postgresql://h/db?connectTimeout=3&socketTimeout=30&ApplicationName=etl&currentSchema=sales&tcpKeepAlive=true', null, null);
    expect([config.connectionTimeoutMillis, config.query_timeout, config.application_name, config.keepAlive]).toEqual([3000, 30000, 'etl', true]);
    expect(pgSettingsFromJdbcUrl('jdbc:postgresql://h/db?currentSchema=sales', null, null).sessionSql).toContain("SET search_path = 'sales'");
  });

  it('always sets the session settings the value readers need, and passes URL options through', () => {
    expect(pgSettingsFromJdbcUrl('jdbc:postgresql://h/db', null, null).sessionSql).toBe("SET DateStyle = 'ISO'; SET TimeZone = 'UTC'; SET IntervalStyle = 'postgres'; SET bytea_output = 'hex'; SET extra_float_digits = '3'");
    expect(pgSettingsFromJdbcUrl('jdbc:postgresql://h/db?options=-c%20statement_timeout%3D5000', null, null).config.options).toBe('-c statement_timeout=5000');
  });

  it('maps sslmode to TLS settings (prefer and below connect without TLS)', () => {
    const ssl = (query: string): unknown => pgSettingsFromJdbcUrl(`jdbc:postgresql://h/db?${query}`, null, null).config.ssl;
    expect([ssl(''), ssl('sslmode=disable'), ssl('sslmode=require'), ssl('ssl=true')]).toEqual([false, false, { rejectUnauthorized: false }, { rejectUnauthorized: true }]);
  });

  it('lists the parameters it ignores', () => {
    expect(pgSettingsFromJdbcUrl('jdbc:postgresql://h/db?prepareThreshold=0&user=u', null, null).ignoredParameters).toEqual(['prepareThreshold']);
  });

  it('rejects URLs of other databases', () => {
    expect(() => pgSettingsFromJdbcUrl('jdbc:mysql://h/db', null, null)).toThrow("Invalid value jdbc:mysql://h/db for configuration connection.url: lambda-connect's JDBC source supports PostgreSQL only; the URL must start with jdbc:postgresql:");
  });
});

import { describe, expect, it } from 'vitest';
import { BigDecimal } from '#lib/data/big-decimal';
import type { NumericMapping } from '#lib/connectors/jdbc/config/config-keys';
import type { ColumnDefinition, JdbcType } from '#lib/connectors/jdbc/schema/column-definition';
import { fieldMapping } from '#lib/connectors/jdbc/schema/field-mapping';
import { UTC_ZONE } from '#lib/connectors/jdbc/temporal/java-zone';

const options = { numericMapping: 'none' as NumericMapping, timestampGranularity: 'connect_logical' as const, zone: UTC_ZONE, calendar: 'LEGACY' as const };

function column(typeName: string, jdbcType: JdbcType, precision = 0, scale = 0, optional = true): ColumnDefinition {
  return { name: 'c', typeOid: 0, typeName, jdbcType, precision, scale, optional, autoIncrement: false };
}

function numeric(precision: number, scale: number, numericMapping: NumericMapping): [string, string | undefined, unknown] {
  const mapping = fieldMapping(column('numeric', 'NUMERIC', precision, scale), { ...options, numericMapping });
  return [mapping?.schema.type ?? '', mapping?.schema.parameters?.get('scale'), mapping?.read('12')];
}

describe('PostgreSQL column mapping', () => {
  it.each([
    ['numeric(10,2)', 10, 2, 'none', ['BYTES', '2', new BigDecimal(1200n, 2)]],
    ['numeric(5,0)', 5, 0, 'best_fit', ['INT32', undefined, 12]],
    ['numeric(2,0)', 2, 0, 'best_fit', ['INT8', undefined, 12]],
    ['numeric(10,0)', 10, 0, 'precision_only', ['INT64', undefined, 12n]],
    ['numeric(10,2)', 10, 2, 'best_fit', ['FLOAT64', undefined, 12]],
    ['numeric(10,2)', 10, 2, 'precision_only', ['BYTES', '2', new BigDecimal(1200n, 2)]],
    ['numeric(20,0)', 20, 0, 'best_fit', ['BYTES', '0', new BigDecimal(12n, 0)]],
    ['numeric(30,4)', 30, 4, 'best_fit_eager_double', ['FLOAT64', undefined, 12]],
    ['numeric (unconstrained)', 0, 0, 'none', ['BYTES', '127', new BigDecimal(12n * 10n ** 127n, 127)]],
    ['numeric (unconstrained)', 0, 0, 'best_fit', ['INT8', undefined, 12]],
  ] as const)('maps %s with numeric.mapping=%s', (_name, precision, scale, mapping, expected) => {
    expect(numeric(precision, scale, mapping)).toEqual(expected);
  });

  it('truncates fractions and range-checks integral NUMERIC values like pgjdbc getters', () => {
    const read = fieldMapping(column('numeric', 'NUMERIC', 2, 0), { ...options, numericMapping: 'best_fit' })?.read;
    expect(read?.('-12.9')).toBe(-12);
    expect(() => read?.('1000')).toThrow('Bad value for type byte : 1000');
  });

  it('refuses NaN in a Decimal column', () => {
    expect(() => fieldMapping(column('numeric', 'NUMERIC', 10, 2), options)?.read('NaN')).toThrow('Bad value for type BigDecimal : NaN');
  });

  it('reads booleans, bit(1), money, bytea and float4 values', () => {
    const read = (c: ColumnDefinition, text: string): unknown => fieldMapping(c, options)?.read(text);
    expect(read(column('bool', 'BIT', 1), 't')).toBe(true);
    expect(read(column('bit', 'BIT', 1), '0')).toBe(false);
    expect(read(column('money', 'DOUBLE'), '-$1,234.50')).toBe(-1234.5);
    expect(read(column('bytea', 'BINARY'), '\\x0aff')).toEqual(Buffer.from([10, 255]));
    expect(read(column('float4', 'REAL'), '0.1')).toBe(Math.fround(0.1));
  });

  it('leaves out the types Confluent does not support', () => {
    expect([column('interval', 'OTHER'), column('_int4', 'ARRAY'), column('bit', 'BIT', 8), column('positive', 'DISTINCT')].map((c) => fieldMapping(c, options))).toEqual([null, null, null, null]);
  });

  it('makes required columns required fields', () => {
    expect(fieldMapping(column('int8', 'BIGINT', 0, 0, false), options)?.schema.optional).toBe(false);
  });
});

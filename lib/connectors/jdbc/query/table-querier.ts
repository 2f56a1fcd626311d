/**
 * Confluent's TableQuerier family for one table (or the custom query): BulkTableQuerier,
 * TimestampIncrementingTableQuerier and, for `mode=timestamp`, TimestampTableQuerier, which only
 * advances the offset past a timestamp once every row with that timestamp has been read (so a
 * restart in the middle of equal timestamps re-reads them instead of skipping them).
 *
 * Lifecycle, driven by the task one querier at a time: `maybeStartQuery` runs the query if none is
 * open (and remembers the offset as committed), `extractRecords(n)` returns up to n records,
 * `reset` ends the query, after the last row or on failure (`resetOffset` rewinds to the offset
 * at the start of the failed poll), and sets `lastUpdate` for the poll-interval schedule.
 */
import type pg from 'pg';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import type { Struct } from '#lib/data/struct';
import type { Mode } from '../config/config-keys';
import type { JdbcSourceTaskConfig } from '../config/jdbc-source-config';
import { describeColumns } from '../schema/column-definition';
import { SchemaMapping } from '../schema/schema-mapping';
import type { TableId } from '../tables/table-id';
import { UTC_ZONE } from '../temporal/java-zone';
import { microsToMillis, timestampMicros } from '../temporal/jdbc-temporal';
import { parseTimestampText } from '../temporal/pg-datetime-text';
import { queryParameters, usesTimestamps, whereClause, type Criteria } from './criteria';
import { QuerySession } from './query-session';
import { RowOffsets } from './row-offsets';
import { TimestampIncrementingOffset } from './timestamp-incrementing-offset';

export interface QuerierSpec {
  mode: Mode;
  /** The table in table mode; null in query mode. */
  table: TableId | null;
  /** The FROM part: `SELECT * FROM "schema"."table"` or the custom query. */
  baseQuery: string;
  topic: string;
  partition: Record<string, string>;
  criteria: Criteria;
  /** Bare names, to find the values in rows. */
  incrementingColumn: string | null;
  timestampColumns: readonly string[];
  initialOffset: Readonly<Record<string, unknown>> | null;
}

interface MappingState {
  key: string;
  schema: SchemaMapping;
  offsets: RowOffsets;
}

interface Pending {
  struct: Struct;
  timestamp: bigint | null;
}

export class TableQuerier {
  lastUpdate = 0;
  attemptedRetries = 0;
  #session: QuerySession | null = null;
  #mapping: MappingState | null = null;
  #offset: TimestampIncrementingOffset;
  #committed: TimestampIncrementingOffset;
  #pending: Pending | null = null;
  readonly #sql: string;

  constructor(
    readonly spec: QuerierSpec,
    private readonly config: JdbcSourceTaskConfig,
  ) {
    this.#offset = this.#committed = TimestampIncrementingOffset.fromMap(spec.initialOffset);
    const suffix = config.querySuffix === '' ? '' : ` ${config.querySuffix}`;
    this.#sql = spec.baseQuery + (spec.mode === 'bulk' ? '' : whereClause(spec.criteria)) + suffix;
  }

  get sql(): string {
    return this.#sql;
  }

  querying(): boolean {
    return this.#session !== null;
  }

  /** Whether the open query has returned its last row. */
  get exhausted(): boolean {
    return this.#session !== null && this.#session.exhausted && this.#pending === null;
  }

  async maybeStartQuery(pool: pg.Pool): Promise<void> {
    if (this.#session === null) {
      const session = await QuerySession.begin(pool, this.config.isolationMode, this.config.batchMaxRows);
      try {
        await session.declare(this.#sql, await this.#parameters(session.client));
      } catch (err) {
        await session.abandon(err);
        throw err;
      }
      this.#session = session;
    }
    this.#committed = this.#offset;
  }

  async extractRecords(max: number): Promise<SourceRecord[]> {
    const session = this.#session;
    if (session === null) return [];
    const { schema, offsets } = await this.#schemaMapping(session);
    const records: SourceRecord[] = [];
    while (records.length < max) {
      const record = this.spec.mode === 'timestamp' ? await this.#nextTimestampRecord(session, schema, offsets) : await this.#nextRecord(session, schema, offsets);
      if (record === null) break;
      records.push(record);
    }
    return records;
  }

  /** Ends the open query; commits after the last row, else rolls back (discarding a failed connection). */
  async reset(now: number, resetOffset: boolean, cause?: unknown): Promise<void> {
    const session = this.#session;
    const exhausted = this.exhausted;
    this.#session = null;
    this.#pending = null;
    if (resetOffset) this.#offset = this.#committed;
    this.lastUpdate = now;
    if (session === null) return;
    if (exhausted && cause === undefined) await session.finish();
    else await session.abandon(cause);
  }

  async #parameters(client: pg.ClientBase): Promise<string[]> {
    if (this.spec.mode === 'bulk') return [];
    const endMicros = usesTimestamps(this.spec.criteria) ? await this.#endTimestamp(client) : 0n;
    return queryParameters(this.spec.criteria, { beginMicros: this.#offset.timestampOffsetMicros, endMicros, lastIncrementing: this.#offset.incrementingOffset }, this.config.zone);
  }

  /** The database's current time (truncated to milliseconds, as a java.sql.Timestamp) minus timestamp.delay.interval.ms. */
  async #endTimestamp(client: pg.ClientBase): Promise<bigint> {
    const now = await currentTimeOnDb(client);
    return BigInt(microsToMillis(now) - this.config.timestampDelayIntervalMs) * 1000n;
  }

  async #schemaMapping(session: QuerySession): Promise<MappingState> {
    const fields = await session.fields();
    const key = fields.map((f) => `${f.name}/${f.tableID}/${f.columnID}/${f.dataTypeID}/${f.dataTypeModifier}`).join('|');
    if (this.#mapping?.key !== key) {
      const columns = await describeColumns(session.client, fields);
      const schema = new SchemaMapping(this.spec.table?.table ?? null, columns, this.config);
      const incrementing = this.spec.mode === 'incrementing' || this.spec.mode === 'timestamp+incrementing' ? this.spec.incrementingColumn : null;
      const timestamps = this.spec.mode === 'timestamp' || this.spec.mode === 'timestamp+incrementing' ? this.spec.timestampColumns : [];
      this.#mapping = { key, schema, offsets: new RowOffsets(schema, timestamps, incrementing, this.config.zone) };
    }
    return this.#mapping;
  }

  async #nextRecord(session: QuerySession, schema: SchemaMapping, offsets: RowOffsets): Promise<SourceRecord | null> {
    const row = await session.next();
    if (row === null) return null;
    const struct = schema.toStruct(row);
    if (this.spec.mode === 'bulk') return this.#record(struct, null);
    this.#offset = new TimestampIncrementingOffset(offsets.timestamp(row), offsets.incrementing(struct));
    return this.#record(struct, this.#offset.toMap());
  }

  /** TimestampTableQuerier: look one row ahead; commit a timestamp only once the next row's is greater. */
  async #nextTimestampRecord(session: QuerySession, schema: SchemaMapping, offsets: RowOffsets): Promise<SourceRecord | null> {
    const read = async (): Promise<Pending | null> => {
      const row = await session.next();
      return row === null ? null : { struct: schema.toStruct(row), timestamp: offsets.timestamp(row) };
    };
    const current = this.#pending ?? (await read());
    if (current === null) return null;
    this.#pending = await read();
    const next = this.#pending;
    if (next === null || current.timestamp === null || next.timestamp === null || current.timestamp < next.timestamp) {
      this.#offset = new TimestampIncrementingOffset(current.timestamp, null);
    }
    return this.#record(current.struct, this.#offset.toMap());
  }

  #record(struct: Struct, offset: Record<string, unknown> | null): SourceRecord {
    return {
      sourcePartition: this.spec.partition,
      sourceOffset: offset,
      topic: this.spec.topic,
      kafkaPartition: null,
      keySchema: null,
      key: null,
      valueSchema: struct.schema,
      value: struct,
      timestamp: null,
      headers: new ConnectHeaders(),
    };
  }
}

/** `SELECT CURRENT_TIMESTAMP` (the transaction's start) as epoch micros. */
export async function currentTimeOnDb(client: pg.ClientBase): Promise<bigint> {
  const result = await client.query<{ now: string }>({ text: 'SELECT CURRENT_TIMESTAMP::text AS now' });
  return timestampMicros(parseTimestampText(result.rows[0]?.now ?? ''), UTC_ZONE, 'LEGACY');
}

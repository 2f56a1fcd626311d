import { describe, expect, it } from 'vitest';
import { ConnectHeaders } from '#lib/data/connect-headers';
import type { SourceRecord } from '#lib/data/connect-record';
import { Schema } from '#lib/data/schemas';
import { DataError } from '#lib/errors';
import type { ConsumerRecord } from '#lib/kafka/consumer-record';
import type { LogFields, Logger } from '#lib/logging/logger';
import { appendConsumerRecord, appendSourceRecord, createLogReporter } from '#lib/runtime/errors/log-reporter';
import { ProcessingContext } from '#lib/runtime/errors/processing-context';

const consumed: ConsumerRecord = { topic: 'orders', partition: 0, offset: 42n, timestamp: 1_700_000_000_000, timestampType: 'CREATE_TIME', key: null, value: null, headers: [] };

function setup<O>(logEnable: boolean, logIncludeMessages: boolean, appendMessage: (o: O) => string) {
  const lines: Array<{ message: string; fields?: LogFields }> = [];
  const logger = { error: (message: string, fields?: LogFields) => void lines.push({ message, fields }) } as unknown as Logger;
  const reporter = createLogReporter<O>({ taskId: { connector: 'pg-sink', task: 0 }, config: { logEnable, logIncludeMessages }, logger, appendMessage });
  return { reporter, lines };
}

function failed<O>(original: O, error: unknown = new DataError('bad')): ProcessingContext<O> {
  const context = new ProcessingContext(original, 'VALUE_CONVERTER', 'org.apache.kafka.connect.json.JsonConverter');
  context.fail(error);
  return context;
}

describe('LogReporter', () => {
  it("logs Kafka's message with the error when errors.log.enable=true", () => {
    const { reporter, lines } = setup(true, false, appendConsumerRecord);
    const error = new DataError('bad');
    reporter.report(failed(consumed, error));
    expect(lines).toEqual([
      { message: "Error encountered in task pg-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.", fields: { error } },
    ]);
  });

  it('logs nothing when errors.log.enable=false', () => {
    const { reporter, lines } = setup(false, true, appendConsumerRecord);
    reporter.report(failed(consumed));
    expect(lines).toEqual([]);
  });

  it("adds the consumed record's coordinates and timestamp with errors.log.include.messages=true", () => {
    const { reporter } = setup(true, true, appendConsumerRecord);
    expect(reporter.message(failed(consumed))).toBe(
      "Error encountered in task pg-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', " +
        "where consumed record is {topic='orders', partition=0, offset=42, timestamp=1700000000000, timestampType=CreateTime}.",
    );
  });

  it('leaves the timestamp out for a record without one', () => {
    const { reporter } = setup(true, true, appendConsumerRecord);
    const message = reporter.message(failed({ ...consumed, timestamp: -1, timestampType: 'NO_TIMESTAMP_TYPE' }));
    expect(message).toContain("where consumed record is {topic='orders', partition=0, offset=42}.");
  });

  it("renders a source record as SourceRecord.toString() does", () => {
    const { reporter } = setup(true, true, appendSourceRecord);
    const record: SourceRecord = {
      topic: 'lines', kafkaPartition: null, keySchema: null, key: null, valueSchema: Schema.STRING_SCHEMA, value: 'hello',
      timestamp: null, headers: new ConnectHeaders(), sourcePartition: { filename: 'a.txt' }, sourceOffset: { position: 12 },
    };
    expect(reporter.message(failed(record))).toBe(
      "Error encountered in task pg-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter', " +
        "where source record is = SourceRecord{sourcePartition={filename=a.txt}, sourceOffset={position=12}} " +
        "ConnectRecord{topic='lines', kafkaPartition=null, key=null, keySchema=null, value=hello, valueSchema=Schema{STRING}, timestamp=null, headers=ConnectHeaders(headers=)}.",
    );
  });
});

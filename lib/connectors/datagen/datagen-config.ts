/**
 * Config of lambda-connect's data generator source (our own connector, for demos and benchmarks).
 * `datagen.task.id` / `datagen.task.count` are written by the connector into each task config.
 */
import { ConfigDef } from '#lib/plugin/config-def';
import { Range, NonEmptyString } from '#lib/plugin/validators';

export const DATAGEN_CONNECTOR = 'io.lambdaconnect.connect.datagen.DataGenSourceConnector';
export const DATAGEN_TASK = 'io.lambdaconnect.connect.datagen.DataGenSourceTask';
export const DATAGEN_VERSION = '1.0.0';

export const TOPIC_CONFIG = 'topic';
export const SEED_CONFIG = 'seed';
export const RECORD_SIZE_CONFIG = 'record.size.bytes';
export const MAX_RECORDS_CONFIG = 'max.records';
export const BATCH_SIZE_CONFIG = 'batch.size';
export const RATE_CONFIG = 'rate.per.second';
export const TASK_ID_CONFIG = 'datagen.task.id';
export const TASK_COUNT_CONFIG = 'datagen.task.count';

/** Source partition / offset fields. */
export const TASK_FIELD = 'task';
export const POSITION_FIELD = 'position';

const GROUP = 'Generator';

export function dataGenConfigDef(): ConfigDef {
  let position = 0;
  const order = (): number => ++position;
  return new ConfigDef()
    .define({ name: TOPIC_CONFIG, type: 'STRING', validator: NonEmptyString(), importance: 'HIGH', group: GROUP, orderInGroup: order(), documentation: 'The topic to write the generated records to.' })
    .define({
      name: SEED_CONFIG, type: 'LONG', defaultValue: 0, importance: 'MEDIUM', group: GROUP, orderInGroup: order(),
      documentation: 'Seed of the generator. Every record is a function of the seed and its id, so the same seed (and tasks.max) produces the same records, also after a restart from a committed offset.',
    })
    .define({
      name: RECORD_SIZE_CONFIG, type: 'INT', defaultValue: 1024, validator: Range.atLeast(1), importance: 'MEDIUM', group: GROUP, orderInGroup: order(),
      documentation: 'Approximate size in bytes of each value serialized as JSON without a schema (JsonConverter with schemas.enable=false); a padding field makes up the difference. Values are never smaller than their fixed fields (about 150 bytes).',
    })
    .define({
      name: MAX_RECORDS_CONFIG, type: 'LONG', defaultValue: -1, validator: Range.atLeast(-1), importance: 'MEDIUM', group: GROUP, orderInGroup: order(),
      documentation: 'How many records to generate in total, across all tasks; -1 generates without end.',
    })
    .define({ name: BATCH_SIZE_CONFIG, type: 'INT', defaultValue: 1000, validator: Range.atLeast(1), importance: 'LOW', group: GROUP, orderInGroup: order(), documentation: 'The maximum number of records a task returns from one poll.' })
    .define({
      name: RATE_CONFIG, type: 'DOUBLE', defaultValue: 0, validator: Range.atLeast(0), importance: 'MEDIUM', group: GROUP, orderInGroup: order(),
      documentation: 'The maximum number of records per second, across all tasks (each task takes an equal share); 0 generates as fast as the pipeline takes them.',
    })
    .define({ name: TASK_ID_CONFIG, type: 'INT', defaultValue: 0, validator: Range.atLeast(0), importance: 'LOW', internalConfig: true })
    .define({ name: TASK_COUNT_CONFIG, type: 'INT', defaultValue: 1, validator: Range.atLeast(1), importance: 'LOW', internalConfig: true });
}

/** A logger level set through /admin/loggers; every level lives under the one `loggers` pk. */
import type { LoggerLevelRecord } from '#lib/store/types';
import { ATTR, KIND, type Item } from '#lib/store/dynamodb/attributes';
import { numberField, stringField } from '#lib/store/dynamodb/item-fields';
import { LOGGERS_PK, loggerSk } from '#lib/store/dynamodb/keys';

export function toLoggerItem(name: string, record: LoggerLevelRecord): Item {
  return {
    [ATTR.pk]: LOGGERS_PK,
    [ATTR.sk]: loggerSk(name),
    [ATTR.kind]: KIND.logger,
    [ATTR.logger]: name,
    [ATTR.level]: record.level,
    [ATTR.lastModified]: record.lastModified,
  };
}

export function fromLoggerItem(item: Item): [string, LoggerLevelRecord] {
  const lastModified = item[ATTR.lastModified] === null ? null : numberField(item, ATTR.lastModified);
  return [stringField(item, ATTR.logger), { level: stringField(item, ATTR.level), lastModified }];
}

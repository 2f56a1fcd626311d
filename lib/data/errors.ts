import { DataError, type ConnectErrorOptions } from '#lib/errors';

/** A SchemaBuilder was misused (Kafka's SchemaBuilderException, itself a DataException). */
export class SchemaBuilderError extends DataError {
  constructor(message: string, options?: ConnectErrorOptions) {
    super(message, options);
  }
}

/** Errors of the event source mappings port. */
import { ConnectError } from '#lib/errors';

/** The mapping is being created, updated or deleted (Lambda's ResourceConflictException /
 *  ResourceInUseException): the change is left to the next reconcile. */
export class MappingBusyError extends ConnectError {
  constructor(message: string, cause?: unknown) {
    super('RETRIABLE', message, { retriable: true, cause });
  }
}

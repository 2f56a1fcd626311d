/**
 * Errors of the plugin layer. Both are 500s in Kafka (ConnectException); the herder and the
 * validate endpoint decide whether to answer them differently.
 */
import { InternalError } from '#lib/errors';

/** `connector.class` names no connector, or an alias that matches several (Kafka's Plugins.connectorClass). */
export class ConnectorClassError extends InternalError {}

/** A connector generated more task configs than `tasks.max` while `tasks.max.enforce` is true. */
export class TooManyTasksError extends InternalError {
  constructor(connectorName: string, numTasks: number, maxTasks: number) {
    super(
      `The connector ${connectorName} has generated ${numTasks} tasks, which is greater than ${maxTasks}, ` +
        'the maximum number of tasks it is configured to create. ' +
        'This behaviour should be considered a bug and is disallowed. ' +
        'If necessary, it can be permitted by reconfiguring the connector ' +
        "with 'tasks.max.enforce' set to false; however, this option will be removed in a " +
        'future release of Kafka Connect.',
    );
  }
}

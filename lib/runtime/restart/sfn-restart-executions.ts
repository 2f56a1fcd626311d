/**
 * The restart executions on AWS: StartExecution of the deployed restart state machine. A name that
 * already ran with the same input returns the existing execution (Step Functions is idempotent for
 * that); with another input it answers ExecutionAlreadyExists, which here means "joined", not failed.
 */
import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { RetriableError } from '#lib/errors';
import type { RestartExecutions } from './restart-executions';

export interface SfnRestartExecutionsOptions {
  client: Pick<SFNClient, 'send'>;
  stateMachineArn: string;
}

export function createSfnRestartExecutions({ client, stateMachineArn }: SfnRestartExecutionsOptions): RestartExecutions {
  return {
    async start(name, input) {
      try {
        await client.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
        return true;
      } catch (err) {
        if (err instanceof ExecutionAlreadyExists) return false;
        // SDK types stay here: the herder sees a retriable ConnectError (a 500 the caller may retry).
        throw new RetriableError(`Could not start the restart execution ${name}`, { cause: err });
      }
    },
  };
}

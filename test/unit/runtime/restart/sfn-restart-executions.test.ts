import { ExecutionAlreadyExists, type StartExecutionCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { RetriableError } from '#lib/errors';
import { restartExecutionName } from '#lib/runtime/restart/restart-executions';
import { createSfnRestartExecutions } from '#lib/runtime/restart/sfn-restart-executions';
import type { RestartExecutionInput } from '#lib/runtime/restart/types';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:Restarts';
const INPUT: RestartExecutionInput = { connector: 'orders', incarnation: 'i-1', generation: 4, restartConnector: true, tasks: [0], reason: 'requested', backoffSeconds: 0, poll: { waitSeconds: 2, maxPolls: 60 } };

function clientFailingWith(error?: Error) {
  const sent: StartExecutionCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: StartExecutionCommand) => {
        sent.push(command);
        if (error) throw error;
        return { executionArn: `${ARN}:x` };
      },
    } as never,
  };
}

describe('Step Functions restart executions', () => {
  it('start the state machine with the execution name and the input as JSON', async () => {
    const { client, sent } = clientFailingWith();

    expect(await createSfnRestartExecutions({ client, stateMachineArn: ARN }).start('restart-orders', INPUT)).toBe(true);
    expect(sent[0]?.input).toEqual({ stateMachineArn: ARN, name: 'restart-orders', input: JSON.stringify(INPUT) });
  });

  it('join an execution of the same name instead of failing', async () => {
    const { client } = clientFailingWith(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));

    expect(await createSfnRestartExecutions({ client, stateMachineArn: ARN }).start('restart-orders', INPUT)).toBe(false);
  });

  it('turn other failures into a retriable error without SDK types', async () => {
    const { client } = clientFailingWith(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));

    await expect(createSfnRestartExecutions({ client, stateMachineArn: ARN }).start('restart-orders', INPUT)).rejects.toBeInstanceOf(RetriableError);
  });
});

describe('restartExecutionName', () => {
  it('fits Step Functions names: at most 80 characters of [A-Za-z0-9_-]', () => {
    const name = restartExecutionName({ ...INPUT, connector: `${'a very long connector name with spaces/slashes and ü '.repeat(4)}` });

    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
  });

  it('is the same for every request planned at one generation, and differs per generation and incarnation', () => {
    expect(restartExecutionName(INPUT)).toBe(restartExecutionName({ ...INPUT, tasks: [1] }));
    expect(restartExecutionName(INPUT)).not.toBe(restartExecutionName({ ...INPUT, generation: 5 }));
    expect(restartExecutionName(INPUT)).not.toBe(restartExecutionName({ ...INPUT, incarnation: 'i-2' }));
  });

  it('names automatic restarts per task and attempt', () => {
    const automatic = { ...INPUT, reason: 'automatic' as const, restartConnector: false, tasks: [3], attempt: 2 };

    expect(restartExecutionName(automatic)).toMatch(/^recover-orders-[0-9a-f]{10}-g4-t3-a2$/);
  });
});

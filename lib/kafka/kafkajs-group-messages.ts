/**
 * kafkajs 2.2.x groups a send's messages by partition with `[...current, message]` per message
 * (`producer/groupMessagesPerPartition`): quadratic in the messages per partition, 5–8% of a source
 * window's CPU at 2,000 records a poll. `groupMessagesPerPartition` here gives the same result (an
 * object from partition to its messages in send order; none when the topic has no partitions) in
 * one pass.
 *
 * kafkajs's `producer/sendMessages` takes the function when kafkajs's index loads. So the swap must
 * come before anything loads kafkajs: lib/kafka/kafkajs.ts, the one module through which the project
 * imports kafkajs's values (an ESLint rule enforces it), imports kafkajs-preload.ts first, which
 * installs this. When kafkajs was loaded before, `installLinearGrouping` returns false and kafkajs keeps
 * its own (correct, slower) function. In a Lambda bundle the bundler resolves the module to
 * group-messages-kafkajs-shim.cjs instead (infra/esbuild-plugins.ts).
 */
import { createRequire } from 'node:module';

interface GroupingArgs<M> {
  readonly topic: string;
  readonly partitionMetadata: readonly unknown[];
  readonly messages: readonly M[];
  readonly partitioner: (args: { topic: string; partitionMetadata: readonly unknown[]; message: M }) => number;
}
type Grouping = <M>(args: GroupingArgs<M>) => Record<number, M[]>;

export const groupMessagesPerPartition: Grouping = ({ topic, partitionMetadata, messages, partitioner }) => {
  const grouped: Record<number, (typeof messages)[number][]> = {};
  if (partitionMetadata.length === 0) return grouped;
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    const list = grouped[partition];
    if (list === undefined) grouped[partition] = [message];
    else list.push(message);
  }
  return grouped;
};

const STATE = Symbol.for('lambda-connect.kafkajs.group-messages');
interface State {
  readonly original: Grouping;
  /** Which function the swapped module runs: ours, or kafkajs's for benchmarks of the raw client as shipped. */
  active: 'one-pass' | 'kafkajs';
}
type Holder = { [STATE]?: State };
const holder = globalThis as Holder;
const requireFromHere = createRequire(import.meta.url);

function modules(): { grouping: string; sendMessages: string } | undefined {
  try {
    return {
      grouping: requireFromHere.resolve('kafkajs/src/producer/groupMessagesPerPartition.js'),
      sendMessages: requireFromHere.resolve('kafkajs/src/producer/sendMessages.js'),
    };
  } catch {
    return undefined;
  }
}

/** True when kafkajs's producers group with ours (from now on, or already); false in a bundle or too late. */
export function installLinearGrouping(): boolean {
  if (holder[STATE] !== undefined) return true;
  const files = modules();
  if (files === undefined || requireFromHere.cache[files.sendMessages] !== undefined) return false;
  requireFromHere(files.grouping);
  const loaded = requireFromHere.cache[files.grouping];
  if (loaded === undefined || typeof loaded.exports !== 'function') throw new Error('kafkajs has no producer/groupMessagesPerPartition function to replace: check the kafkajs version');
  const state: State = { original: loaded.exports as Grouping, active: 'one-pass' };
  holder[STATE] = state;
  const swapped: Grouping = (args) => (state.active === 'one-pass' ? groupMessagesPerPartition(args) : state.original(args));
  loaded.exports = swapped;
  return true;
}

/** Which grouping kafkajs's producers use from now on (when the swap is installed). */
export function useGrouping(kind: 'one-pass' | 'kafkajs'): void {
  const state = holder[STATE];
  if (state !== undefined) state.active = kind;
}

/** True when kafkajs's producers in this process group with ours. */
export function linearGroupingInstalled(): boolean {
  return holder[STATE] !== undefined;
}

/** kafkajs's own function, for tests (after the swap, the module exports ours). */
export function kafkajsGroupMessagesPerPartition(): Grouping {
  return holder[STATE]?.original ?? (requireFromHere('kafkajs/src/producer/groupMessagesPerPartition.js') as Grouping);
}

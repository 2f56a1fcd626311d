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
import { isSwapped, kafkajsOriginal, swapKafkajsModule } from './kafkajs-swap';

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

const GROUPING_MODULE = 'src/producer/groupMessagesPerPartition.js';
export const GROUPING_SWAP = Symbol.for('lambda-connect.kafkajs.group-messages.installed');

/** True when kafkajs's producers group with ours (from now on, or already); false in a bundle or too late. */
export function installLinearGrouping(): boolean {
  return swapKafkajsModule<Grouping>({ key: GROUPING_SWAP, module: GROUPING_MODULE, loadedBy: 'src/producer/sendMessages.js', ours: () => groupMessagesPerPartition });
}

/** True when kafkajs's producers in this process group with ours. */
export function linearGroupingInstalled(): boolean {
  return isSwapped(GROUPING_SWAP);
}

/** kafkajs's own function, for tests (after the swap, the module exports ours). */
export function kafkajsGroupMessagesPerPartition(): Grouping {
  return kafkajsOriginal<Grouping>(GROUPING_SWAP, GROUPING_MODULE);
}

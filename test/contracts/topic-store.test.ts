import { createMemoryStores } from '#lib/store/memory/index';
import { describeTopicStoreContract } from '#test/contracts/topic-store.contract';
import { useDynaliteStores } from '#test/support/dynamodb-stores';

describeTopicStoreContract('memory', async () => createMemoryStores());
describeTopicStoreContract('dynamodb (dynalite)', useDynaliteStores());

import { createMemoryStores } from '#lib/store/memory/index';
import { describeStatusStoreContract } from '#test/contracts/status-store.contract';
import { useDynaliteStores } from '#test/support/dynamodb-stores';

describeStatusStoreContract('memory', async () => createMemoryStores());
describeStatusStoreContract('dynamodb (dynalite)', useDynaliteStores());

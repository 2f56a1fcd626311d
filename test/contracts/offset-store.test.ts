import { createMemoryStores } from '#lib/store/memory/index';
import { describeOffsetStoreContract } from '#test/contracts/offset-store.contract';
import { useDynaliteStores } from '#test/support/dynamodb-stores';

describeOffsetStoreContract('memory', async () => createMemoryStores());
describeOffsetStoreContract('dynamodb (dynalite)', useDynaliteStores());

import { createMemoryStores } from '#lib/store/memory/index';
import { describeConfigStoreContract } from '#test/contracts/config-store.contract';
import { useDynaliteStores } from '#test/support/dynamodb-stores';

describeConfigStoreContract('memory', async () => createMemoryStores());
describeConfigStoreContract('dynamodb (dynalite)', useDynaliteStores());

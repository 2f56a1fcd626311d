import { createMemoryStores } from '#lib/store/memory/index';
import { describeLoggerStoreContract } from '#test/contracts/logger-store.contract';
import { useDynaliteStores } from '#test/support/dynamodb-stores';

describeLoggerStoreContract('memory', async () => createMemoryStores());
describeLoggerStoreContract('dynamodb (dynalite)', useDynaliteStores());

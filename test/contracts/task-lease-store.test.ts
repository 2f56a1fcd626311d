import { createMemoryStores } from '#lib/store/memory/index';
import { useDynaliteRunnerStores } from '#test/contracts/runner-stores';
import { describeTaskLeaseStoreContract } from '#test/contracts/task-lease-store.contract';

describeTaskLeaseStoreContract('memory', async () => createMemoryStores());
describeTaskLeaseStoreContract('dynamodb (dynalite)', useDynaliteRunnerStores());

import { createMemoryStores } from '#lib/store/memory/index';
import { describeGuardedStatusStoreContract } from '#test/contracts/guarded-status-store.contract';
import { useDynaliteRunnerStores } from '#test/contracts/runner-stores';

describeGuardedStatusStoreContract('memory', async () => createMemoryStores());
describeGuardedStatusStoreContract('dynamodb (dynalite)', useDynaliteRunnerStores());

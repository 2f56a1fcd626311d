import { createMemoryStores } from '#lib/store/memory/index';
import { describeFencedOffsetStoreContract } from '#test/contracts/fenced-offset-store.contract';
import { useDynaliteRunnerStores } from '#test/contracts/runner-stores';

describeFencedOffsetStoreContract('memory', async () => createMemoryStores());
describeFencedOffsetStoreContract('dynamodb (dynalite)', useDynaliteRunnerStores());

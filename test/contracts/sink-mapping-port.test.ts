import { afterAll, beforeAll } from 'vitest';
import { createLambdaSinkMappings } from '#lib/runtime/sink/mappings/lambda-sink-mappings';
import { createMemorySinkMappings } from '#lib/runtime/sink/mappings/memory-sink-mappings';
import { describeSinkMappingPortContract } from '#test/contracts/sink-mapping-port.contract';
import { startLambdaApiServer, type LambdaApiServer } from '#test/contracts/lambda-api-server';

let api: LambdaApiServer | undefined;
beforeAll(async () => {
  api = await startLambdaApiServer();
});
afterAll(() => api?.close());

describeSinkMappingPortContract('memory', async () => createMemorySinkMappings());
describeSinkMappingPortContract('lambda (local Lambda API)', async () =>
  createLambdaSinkMappings({ client: api!.client(), functionName: 'sink-task', maxListPages: 1000, source: { bootstrapServers: ['k:9092'], auth: 'none', subnetIds: [], securityGroupIds: [] } }),
);

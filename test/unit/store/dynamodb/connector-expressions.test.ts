import { describe, expect, it } from 'vitest';
import { connectorUpdate } from '#lib/store/dynamodb/connector-expressions';

const NOW = '2024-05-01T10:00:00.000Z';

describe('connectorUpdate', () => {
  it('always bumps the version and stamps updatedAt on an existing item', () => {
    expect(connectorUpdate({}, undefined, NOW)).toEqual({
      UpdateExpression: 'SET #updatedAt = :updatedAt ADD #version :one',
      ConditionExpression: 'attribute_exists(#pk)',
      ExpressionAttributeNames: { '#updatedAt': 'updatedAt', '#version': 'version', '#pk': 'pk' },
      ExpressionAttributeValues: { ':one': 1, ':updatedAt': NOW },
    });
  });

  it('replaces the changed fields, bumps the generation and checks the expected version', () => {
    const parts = connectorUpdate({ config: { a: 'b' }, targetState: 'PAUSED', taskConfigs: [], bumpGeneration: true }, 4, NOW);
    expect(parts.UpdateExpression).toBe(
      'SET #updatedAt = :updatedAt, #config = :config, #targetState = :targetState, #taskConfigs = :taskConfigs ADD #version :one, #generation :one',
    );
    expect(parts.ConditionExpression).toBe('attribute_exists(#pk) AND #version = :expectedVersion');
    expect(parts.ExpressionAttributeValues).toMatchObject({ ':config': { a: 'b' }, ':targetState': 'PAUSED', ':taskConfigs': [], ':expectedVersion': 4 });
  });

  it('never puts config keys into expression text', () => {
    const parts = connectorUpdate({ config: { 'evil) OR attribute_exists(#x': 'v', 'a.b': 'c' } }, undefined, NOW);
    expect(parts.UpdateExpression).not.toContain('evil');
    expect(Object.values(parts.ExpressionAttributeNames)).not.toContain('a.b');
  });
});

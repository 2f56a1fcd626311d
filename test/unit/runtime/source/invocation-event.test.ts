import { describe, expect, it } from 'vitest';
import { BadRequestError } from '#lib/errors';
import { parseSourceTaskInvocation } from '#lib/runtime/source/invocation-event';

describe('the source task event', () => {
  it('reads connector, task id and generation', () => {
    expect(parseSourceTaskInvocation({ connector: 'orders', taskId: 2, generation: 7, extra: true })).toEqual({ connector: 'orders', taskId: 2, generation: 7 });
  });

  it.each([null, 'orders', {}, { connector: '', taskId: 0, generation: 1 }, { connector: 'c', taskId: -1, generation: 1 }, { connector: 'c', taskId: 0.5, generation: 1 }, { connector: 'c', taskId: 0, generation: 0 }, { connector: 'c', taskId: '0', generation: 1 }])(
    'rejects %j',
    (event) => {
      expect(() => parseSourceTaskInvocation(event)).toThrow(BadRequestError);
    },
  );
});

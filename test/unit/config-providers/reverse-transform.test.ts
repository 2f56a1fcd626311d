import { describe, expect, it } from 'vitest';
import { reverseTransform } from '#lib/config-providers/reverse-transform';

describe('reverseTransform', () => {
  it('gives task config keys whose raw connector value holds a reference that raw value back', () => {
    const raw = { 'connection.password': '${env:PW}', topic: 't' };

    const tasks = reverseTransform(raw, [{ 'connection.password': 's3cret', topic: 't', 'task.class': 'X' }]);

    expect(tasks).toEqual([{ 'connection.password': '${env:PW}', topic: 't', 'task.class': 'X' }]);
  });

  it('adds no key that the task config does not have', () => {
    expect(reverseTransform({ a: '${env:A}' }, [{ b: '1' }])).toEqual([{ b: '1' }]);
  });

  it('keeps a value a connector copied under another key, as Kafka does', () => {
    expect(reverseTransform({ a: '${env:A}' }, [{ copy: 'resolved' }])).toEqual([{ copy: 'resolved' }]);
  });
});

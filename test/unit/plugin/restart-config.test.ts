import { describe, expect, it } from 'vitest';
import type { ConfigInfos } from '#lib/herder/types';
import { registerBuiltinConnectors } from '#lib/connectors/index';
import { PluginRegistry } from '#lib/plugin/plugin-registry';
import { restartConfigDef } from '#lib/plugin/restart-config';
import { validateConnectorConfig } from '#lib/plugin/validate-connector-config';
import { DEFAULT_RECOVERY_POLICY } from '#lib/runtime/restart/recovery-policy';

const registry = () => registerBuiltinConnectors(new PluginRegistry());
const SINK = { 'connector.class': 'FileStreamSink', name: 'v', topics: 't1' };
const entry = (infos: ConfigInfos, name: string) => infos.configs.find((c) => c.value.name === name);

describe('the restart.* keys in /config/validate', () => {
  it('are listed in their own Restarts group with their defaults, for sinks and sources alike', async () => {
    for (const config of [SINK, { 'connector.class': 'FileStreamSource', name: 's', topic: 't' }]) {
      const infos = await validateConnectorConfig(registry(), config);
      expect(infos.error_count).toBe(0);
      expect(infos.groups).toContain('Restarts');
      expect(['restart.policy', 'restart.max.attempts', 'restart.backoff.initial.ms', 'restart.backoff.max.ms'].map((k) => [entry(infos, k)?.definition?.group, entry(infos, k)?.definition?.default_value])).toEqual([
        ['Restarts', 'retriable'],
        ['Restarts', '10'],
        ['Restarts', '1000'],
        ['Restarts', '300000'],
      ]);
    }
  });

  it('reports a restart.policy that is neither none nor retriable', async () => {
    const infos = await validateConnectorConfig(registry(), { ...SINK, 'restart.policy': 'sometimes' });
    expect([infos.error_count, entry(infos, 'restart.policy')?.value.errors]).toEqual([1, ['Invalid value sometimes for configuration restart.policy: String must be one of (case insensitive): RETRIABLE, NONE']]);
  });

  it('reports negative attempts and backoffs, and numbers that do not parse', async () => {
    const infos = await validateConnectorConfig(registry(), { ...SINK, 'restart.max.attempts': '-1', 'restart.backoff.initial.ms': 'soon', 'restart.backoff.max.ms': '-5' });
    expect([infos.error_count, entry(infos, 'restart.max.attempts')?.value.errors, entry(infos, 'restart.backoff.max.ms')?.value.errors]).toEqual([
      4,
      ['Invalid value -1 for configuration restart.max.attempts: Value must be at least 0'],
      ['Invalid value -5 for configuration restart.backoff.max.ms: Value must be at least 0'],
    ]);
    expect(entry(infos, 'restart.backoff.initial.ms')?.value.errors[0]).toBe('Invalid value soon for configuration restart.backoff.initial.ms: Not a number of type LONG');
  });

  it('accepts valid values in any case', async () => {
    const infos = await validateConnectorConfig(registry(), { ...SINK, 'restart.policy': 'NONE', 'restart.max.attempts': '0', 'restart.backoff.initial.ms': '0', 'restart.backoff.max.ms': '60000' });
    expect(infos.error_count).toBe(0);
  });
});

describe('the recovery policy', () => {
  it('takes its defaults from the ConfigDef', () => {
    const defaults = restartConfigDef().defaultValues();
    expect(DEFAULT_RECOVERY_POLICY).toEqual({
      policy: defaults['restart.policy'],
      maxAttempts: Number(defaults['restart.max.attempts']),
      initialBackoffMs: Number(defaults['restart.backoff.initial.ms']),
      maxBackoffMs: Number(defaults['restart.backoff.max.ms']),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from '#lib/config/worker-settings';
import { metricsFor } from '#lib/wiring';

describe('metrics settings', () => {
  it('are off outside Lambda by default (standalone mode)', () => {
    expect(settingsFromEnv({}).metrics).toEqual({ mode: 'off', namespace: 'LambdaConnect' });
  });

  it('are EMF in Lambda (AWS_LAMBDA_FUNCTION_NAME set)', () => {
    expect(settingsFromEnv({ AWS_LAMBDA_FUNCTION_NAME: 'LambdaConnect-source-task' }).metrics.mode).toBe('emf');
  });

  it('can be switched on in standalone mode and off in Lambda, with their own namespace', () => {
    expect(settingsFromEnv({ LAMBDA_CONNECT_METRICS: 'emf', LAMBDA_CONNECT_METRICS_NAMESPACE: 'Team/Connect' }).metrics).toEqual({ mode: 'emf', namespace: 'Team/Connect' });
    expect(settingsFromEnv({ AWS_LAMBDA_FUNCTION_NAME: 'f', LAMBDA_CONNECT_METRICS: 'off' }).metrics.mode).toBe('off');
  });

  it('refuses an unknown mode with a clear error', () => {
    expect(() => settingsFromEnv({ LAMBDA_CONNECT_METRICS: 'prometheus' })).toThrow('LAMBDA_CONNECT_METRICS must be emf or off, not "prometheus"');
  });

  it('select the EMF adapter only when on', () => {
    expect(metricsFor(settingsFromEnv({}))).toBeUndefined();
    expect(metricsFor(settingsFromEnv({ LAMBDA_CONNECT_METRICS: 'emf' }))).toMatchObject({ record: expect.any(Function), flush: expect.any(Function) });
  });
});

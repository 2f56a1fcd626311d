import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { PARAMETER_ACTIONS, SECRET_ACTIONS } from '../../infra/constructs/config-provider-access.ts';
import { FUNCTION_IDS, roleStatements, synthStack } from './support/synth-stack.ts';

const SECRETS = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect/*';
const PARAMETERS = 'arn:aws:ssm:eu-west-1:123456789012:parameter/connect/*';
const RESOLVING = ['connect-api', 'source-task', 'sink-task', 'restart-step'];
const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const OTHER_KEY = 'arn:aws:kms:eu-central-1:123456789012:key/abcd1234-12ab-34cd-56ef-1234567890ab';
const kmsStatements = (s: ReturnType<typeof synthStack>, id: (typeof FUNCTION_IDS)[number]) => roleStatements(s, id).filter((st) => (st.Action as string[]).includes('kms:Decrypt'));

const providerStatements = (s: ReturnType<typeof synthStack>, id: (typeof FUNCTION_IDS)[number]) =>
  roleStatements(s, id).filter((st) => [...SECRET_ACTIONS, ...PARAMETER_ACTIONS].some((a) => (st.Action as string[]).includes(a)));

describe('config provider access', () => {
  it('lets exactly the functions that resolve references read the given secrets and parameters', () => {
    const s = synthStack({ configProviders: { secretArns: [SECRETS], parameterArns: [PARAMETERS] } });

    for (const id of FUNCTION_IDS) {
      const expected = RESOLVING.includes(id)
        ? [
            { Effect: 'Allow', Action: SECRET_ACTIONS, Resource: SECRETS },
            { Effect: 'Allow', Action: [...PARAMETER_ACTIONS].sort(), Resource: PARAMETERS },
          ]
        : [];
      expect(providerStatements(s, id), id).toEqual(expected);
    }
  });

  it('grants nothing without the prop', () => {
    const s = synthStack();

    expect(FUNCTION_IDS.flatMap((id) => providerStatements(s, id))).toEqual([]);
  });

  it('passes cdk-nag with ARN patterns, each acknowledged with its reason', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => synthStack({ configProviders: { secretArns: [SECRETS], parameterArns: [PARAMETERS] } }, app)).not.toThrow();
  });

  it('lets the same functions decrypt with exactly the given keys, only through Secrets Manager or SSM in each key\'s region', () => {
    const s = synthStack({ configProviders: { secretArns: [SECRETS], parameterArns: [PARAMETERS], kmsKeyArns: [KEY, OTHER_KEY] } });

    for (const id of FUNCTION_IDS) {
      const expected = RESOLVING.includes(id)
        ? [
            { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY, Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.eu-west-1.amazonaws.com', 'ssm.eu-west-1.amazonaws.com'] } } },
            { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: OTHER_KEY, Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.eu-central-1.amazonaws.com', 'ssm.eu-central-1.amazonaws.com'] } } },
          ]
        : [];
      expect(kmsStatements(s, id), id).toEqual(expected);
    }
  });

  it('names only the services that are configured: secrets only, Secrets Manager only', () => {
    const s = synthStack({ configProviders: { secretArns: [SECRETS], kmsKeyArns: [KEY] } });

    expect(kmsStatements(s, 'connect-api')).toEqual([{ Effect: 'Allow', Action: ['kms:Decrypt'], Resource: KEY, Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } } }]);
  });

  it('refuses keys with nothing to decrypt', () => {
    expect(() => synthStack({ configProviders: { kmsKeyArns: [KEY] } })).toThrow(/kmsKeyArns without secretArns or parameterArns/);
  });

  it('passes cdk-nag with KMS keys', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    expect(() => synthStack({ configProviders: { secretArns: [SECRETS], parameterArns: [PARAMETERS], kmsKeyArns: [KEY] } }, app)).not.toThrow();
  });
});

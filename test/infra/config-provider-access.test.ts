import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { PARAMETER_ACTIONS, SECRET_ACTIONS } from '../../infra/constructs/config-provider-access.ts';
import { FUNCTION_IDS, roleStatements, synthStack } from './support/synth-stack.ts';

const SECRETS = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:connect/*';
const PARAMETERS = 'arn:aws:ssm:eu-west-1:123456789012:parameter/connect/*';
const RESOLVING = ['connect-api', 'source-task', 'sink-task', 'restart-step'];

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
});

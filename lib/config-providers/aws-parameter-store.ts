/** Parameter Store over the AWS SDK: `GetParameters` with decryption, ten names per call (its limit). */
import { GetParametersCommand, type SSMClient } from '@aws-sdk/client-ssm';
import type { ParameterStorePort } from './ports';
import { translateAwsError } from './translate-aws-error';

const NAMES_PER_CALL = 10;

export function createAwsParameterStore(client: SSMClient): ParameterStorePort {
  return {
    async getParameters(names) {
      const values = new Map<string, string>();
      for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
        const chunk = names.slice(i, i + NAMES_PER_CALL);
        let parameters;
        try {
          ({ Parameters: parameters } = await client.send(new GetParametersCommand({ Names: chunk, WithDecryption: true })));
        } catch (err) {
          throw translateAwsError(err, `Reading parameters ${chunk.join(', ')} from Parameter Store`);
        }
        for (const { Name: name, Value: value } of parameters ?? []) if (name !== undefined && value !== undefined) values.set(name, value);
      }
      return values;
    },
  };
}

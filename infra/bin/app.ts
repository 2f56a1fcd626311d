/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy` (cdk.json runs this file with tsx). Settings come from
 * the `lambdaConnect` context (cdk.json, or `-c lambdaConnect='{…}'`); see docs/deploy.md. cdk-nag's
 * AwsSolutions pack validates every synthesis: an unacknowledged finding fails it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { parseDeployConfig } from '../deploy-config.ts';
import { LambdaConnectStack, stackPropsFromConfig } from '../lambda-connect-stack.ts';

const app = new App();
const config = parseDeployConfig(app.node.tryGetContext('lambdaConnect'));
new LambdaConnectStack(app, config.stackName ?? 'LambdaConnect', {
  ...stackPropsFromConfig(config),
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

/**
 * The Kafka Connect REST API: an HTTP API whose routes (`HTTP_API.routes`: `/` and every path below it,
 * any method) all go to the connect-api function. IAM (SigV4) authorization on every route by default;
 * an open API only when the `auth` prop says so in as many words. Access logs go to a log group.
 */
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HTTP_API, LOG_RETENTION_DAYS } from '../functions.manifest.ts';
import type { ConnectFunction } from './connect-function.ts';

export type ApiAuth =
  /** SigV4-signed requests from principals allowed `execute-api:Invoke` (see `grantInvoke`). */
  | { kind: 'iam' }
  /** Anyone who knows the URL can manage connectors. Only with the literal confirmation. */
  | { kind: 'none'; confirmOpenToAnyone: true };
// Coming: { kind: 'basic'; credentialsSecretArn } — a Lambda authorizer checking HTTP basic auth against
// Secrets Manager, for Connect tools that only speak basic auth.

export interface ConnectApiProps {
  handler: ConnectFunction;
  /** Default `{ kind: 'iam' }`. */
  auth?: ApiAuth;
  /** Stage-wide throttling; default API Gateway's account limits. */
  throttle?: { rateLimit: number; burstLimit: number };
  accessLogRetention?: logs.RetentionDays;
}

export class ConnectApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;

  constructor(scope: Construct, id: string, props: ConnectApiProps) {
    super(scope, id);
    const auth = props.auth ?? { kind: 'iam' };
    if (auth.kind === 'none' && auth.confirmOpenToAnyone !== true) {
      throw new Error('An open API needs auth: { kind: "none", confirmOpenToAnyone: true }');
    }
    if (props.handler.spec.id !== HTTP_API.function) throw new Error(`The API's handler is ${HTTP_API.function}, not ${props.handler.spec.id}`);

    this.httpApi = new apigw.HttpApi(this, 'HttpApi', {
      description: 'lambda-connect: the Kafka Connect REST API',
      createDefaultStage: false,
    });
    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? (LOG_RETENTION_DAYS as logs.RetentionDays),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigw.HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(HTTP_API.accessLogFormat)),
      },
      ...(props.throttle ? { throttle: props.throttle } : {}),
    });

    const integration = new HttpLambdaIntegration('Connect', props.handler.function, {
      payloadFormatVersion: apigw.PayloadFormatVersion.custom(HTTP_API.payloadFormatVersion),
    });
    const authorizer = auth.kind === 'iam' ? new HttpIamAuthorizer() : new apigw.HttpNoneAuthorizer();
    for (const route of HTTP_API.routes) {
      const [method, path] = route.split(' ') as [keyof typeof apigw.HttpMethod, string];
      this.httpApi.addRoutes({ path, methods: [apigw.HttpMethod[method]], integration, authorizer });
    }
    if (auth.kind === 'none') {
      Validations.of(this).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'Opened on purpose: the deployment set auth { kind: "none", confirmOpenToAnyone: true }.',
      });
    }

    const stack = Stack.of(this);
    props.handler.bind('api.host', `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`);
  }

  /** The API's base URL (`https://<id>.execute-api.<region>.amazonaws.com/`). */
  get url(): string {
    return this.stage.url;
  }

  /** Allows `grantee` to call every route of this API with SigV4 (for the IAM auth mode). */
  grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [this.httpApi.arnForExecuteApi()] });
  }
}

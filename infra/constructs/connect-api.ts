/**
 * The Kafka Connect REST API: an HTTP API whose routes (`HTTP_API.routes`: `/` and every path below it,
 * any method) all go to the connect-api function. IAM (SigV4) authorization on every route by default;
 * HTTP basic auth through a Lambda authorizer (users in a Secrets Manager secret) when asked; an open
 * API only when the `auth` prop says so in as many words. Access logs go to a log group.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BASIC_AUTH, BASIC_AUTH_AUTHORIZER, HTTP_API, LOG_RETENTION_DAYS } from '../functions.manifest.ts';
import { BASIC_AUTH_SECRET_ACTIONS } from '../permissions.ts';
import { ConnectFunction, type FunctionCode } from './connect-function.ts';

export type ApiAuth =
  /** SigV4-signed requests from principals allowed `execute-api:Invoke` (see `grantInvoke`). */
  | { kind: 'iam' }
  /** `Authorization: Basic …` checked by a Lambda authorizer against the users in this secret (its full
   *  ARN; JSON `{"username", "password"}` or `{"users": [...]}`), for Connect tools that speak basic auth. */
  | { kind: 'basic'; credentialsSecretArn: string }
  /** Anyone who knows the URL can manage connectors. Only with the literal confirmation. */
  | { kind: 'none'; confirmOpenToAnyone: true };

export interface ConnectApiProps {
  handler: ConnectFunction;
  /** Default `{ kind: 'iam' }`. */
  auth?: ApiAuth;
  /** Stage-wide throttling; default API Gateway's account limits. */
  throttle?: { rateLimit: number; burstLimit: number };
  accessLogRetention?: logs.RetentionDays;
  /** The authorizer function's code (`stand-in` for template tests) and log retention. */
  code?: FunctionCode;
  logRetention?: logs.RetentionDays;
}

export class ConnectApi extends Construct {
  readonly httpApi: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** The basic-auth authorizer's function, with `auth: { kind: 'basic' }`. */
  readonly authorizerFunction?: ConnectFunction;

  constructor(scope: Construct, id: string, props: ConnectApiProps) {
    super(scope, id);
    const auth = props.auth ?? { kind: 'iam' };
    if (auth.kind === 'none' && auth.confirmOpenToAnyone !== true) {
      throw new Error('An open API needs auth: { kind: "none", confirmOpenToAnyone: true }');
    }
    if (auth.kind === 'basic' && !auth.credentialsSecretArn) throw new Error('Basic auth needs auth: { kind: "basic", credentialsSecretArn: <the users secret ARN> }');
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
    if (auth.kind === 'basic') this.authorizerFunction = this.basicAuthFunction(auth.credentialsSecretArn, props);
    const authorizer = auth.kind === 'iam'
      ? new HttpIamAuthorizer()
      : this.authorizerFunction
        ? new HttpLambdaAuthorizer('BasicAuth', this.authorizerFunction.function, {
            authorizerName: 'basic-auth',
            responseTypes: [HttpLambdaResponseType.SIMPLE],
            identitySource: [BASIC_AUTH.identitySource],
            resultsCacheTtl: Duration.seconds(BASIC_AUTH.resultsCacheTtlSeconds),
          })
        : new apigw.HttpNoneAuthorizer();
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

  /** The authorizer function, allowed to read exactly the credentials secret. */
  private basicAuthFunction(secretArn: string, props: ConnectApiProps): ConnectFunction {
    const fn = new ConnectFunction(this, 'BasicAuthAuthorizer', { spec: BASIC_AUTH_AUTHORIZER, code: props.code, logRetention: props.logRetention });
    fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: BASIC_AUTH_SECRET_ACTIONS, resources: [secretArn] }));
    fn.bind('api.basicAuthSecretArn', secretArn);
    return fn;
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

/**
 * The HTTP API's Lambda authorizer for basic auth (payload format 2.0, simple responses): the
 * `Authorization` header is checked against the users in the basic-auth secret. A refusal answers
 * `{isAuthorized: false}` (API Gateway: 403); a request without the header never gets here (the
 * identity source is missing: 401). A secret that cannot be read fails the invocation (500), so the
 * API stays closed.
 */
import middy from '@middy/core';
import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { basicAuth } from '#lib/rest/auth/authorizer-wiring';

type Result = APIGatewaySimpleAuthorizerWithContextResult<{ username: string }> | { isAuthorized: false };

export const handler = middy<APIGatewayRequestAuthorizerEventV2, Result>().handler(async (event) => {
  const result = await basicAuth().check(event.headers?.authorization ?? event.identitySource?.[0]);
  return result.authorized ? { isAuthorized: true, context: { username: result.username } } : { isAuthorized: false };
});

/**
 * The Kafka Connect REST API behind API Gateway (HTTP API, payload 2.0). An adapter only: the event
 * is decoded, `RestApi.handle` answers (it never rejects), the answer is encoded. A failure to build
 * the RestApi itself (cold-start wiring) is still answered in Connect's error shape.
 */
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { consoleRestLogger } from '#lib/rest/console-logger';
import { fromApiGatewayV2, toApiGatewayV2 } from '#lib/rest/api-gateway-v2';
import { errorResponse } from '#lib/rest/http-errors';
import { restApi } from '#lib/wiring';

export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(httpHeaderNormalizer())
  .onError((request) => {
    request.response = toApiGatewayV2(errorResponse(request.error, consoleRestLogger));
  })
  .handler(async (event) => {
    const api = await restApi();
    return toApiGatewayV2(await api.handle(fromApiGatewayV2(event)));
  });

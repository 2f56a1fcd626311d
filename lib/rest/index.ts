export { createRestApi } from './rest-api';
export { fromApiGatewayV2, toApiGatewayV2 } from './api-gateway-v2';
export { errorResponse, STATUS_BY_CODE } from './http-errors';
export { DEFAULT_MAX_BODY_BYTES } from './types';
export type { ApiRequest, ApiResponse, RestApi, RestDeps, RestLogger, RestSettings } from './types';

import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role } from './principal';

export const PUBLIC_ROUTE = 'd115:public';
export const ROUTE_ROLES = 'd115:roles';
export const INTEGRATION_PARAM = 'd115:integration-param';
export const CITIZEN_RATE_LIMIT = 'd115:citizen-rate-limit';
export const QUERY_TOKEN = 'd115:query-token';

export const BEARER_SCHEME = 'bearer';
export const INTEGRATION_SCHEME = 'integrationToken';
export const INTEGRATION_BASIC_SCHEME = 'integrationBasic';
export const INTEGRATION_QUERY_SCHEME = 'integrationQuery';

/** No token needed (health, docs, auth config, citizen status). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-roles', []));
}

/** Public and limited per client address to RATE_LIMIT_STATUS_PER_IP a minute (guessing access keys). */
export function CitizenLookup(): MethodDecorator {
  return applyDecorators(SetMetadata(CITIZEN_RATE_LIMIT, true), SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-roles', []));
}

/** A user token with one of these roles; documented as the bearer scheme and `x-roles`. */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Needs one of the roles: ${roles.join(', ')}` }),
  );
}

/** An integration token (bearer, Basic password or `?token=`) for the integration named by the path parameter `param`. */
export function IntegrationOnly(param: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(INTEGRATION_PARAM, param),
    ApiSecurity(INTEGRATION_SCHEME),
    ApiSecurity(INTEGRATION_BASIC_SCHEME),
    ApiSecurity(INTEGRATION_QUERY_SCHEME),
    ApiExtension('x-roles', ['integration']),
    ApiUnauthorizedResponse({ description: 'No valid integration token' }),
    ApiForbiddenResponse({ description: 'The token belongs to another integration' }),
  );
}

/** The bearer token may come as `?access_token=` (EventSource cannot send headers). */
export function QueryTokenAllowed(): MethodDecorator {
  return SetMetadata(QUERY_TOKEN, true);
}

/** The verified caller (set by the AuthGuard). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return (context.switchToHttp().getRequest<FastifyRequest>() as FastifyRequest & { principal: Principal }).principal;
});

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { D115Error, ErrorCode } from '@d115/contracts';
import { RateLimits } from '../http/rate-limit-share';
import { CITIZEN_RATE_LIMIT, INTEGRATION_PARAM, PUBLIC_ROUTE, QUERY_TOKEN, ROUTE_ROLES } from './auth.decorators';
import { Authenticator } from './authenticator';
import { hasAnyRole, Principal, Role } from './principal';

/**
 * Every route under /api is closed unless it says otherwise: `@Public()`, `@Roles(…)`
 * (a user token with one of the roles) or `@IntegrationOnly(param)` (the integration
 * token of the integration in the path). No token is 401, the wrong role 403. Every
 * request counts against the per-address rate limit (citizen look-ups against a
 * stricter one), every authenticated one against the per-user limit; the limits are
 * shared by all gateway instances (RateLimits).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const address = request.ip ?? request.raw.socket.remoteAddress ?? 'unknown';
    this.limits.perIp.take(address, response);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.get<boolean>(CITIZEN_RATE_LIMIT, context.getHandler())) this.limits.citizenPerIp.take(address, response);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    const integrationParam = this.reflector.get<string | undefined>(INTEGRATION_PARAM, context.getHandler());
    if (!roles && !integrationParam) {
      if (request.url.startsWith('/api/')) throw new D115Error(ErrorCode.FORBIDDEN, 'route without an access rule');
      return true;
    }
    const params = request.params as Record<string, string | undefined>;
    const principal = integrationParam
      ? this.integration(integrationToken(request), String(params[integrationParam]))
      : await this.authenticator.authenticateUser(bearer(request, this.reflector.get<boolean>(QUERY_TOKEN, context.getHandler()) === true));
    if (roles && !hasAnyRole(principal, roles)) throw new D115Error(ErrorCode.FORBIDDEN, `needs one of the roles ${roles.join(', ')}`);
    this.limits.perUser.take(principal.id, response);
    request.principal = principal;
    return true;
  }

  private integration(token: string, integration: string | undefined): Principal {
    const principal = this.authenticator.authenticateIntegration(token);
    if (principal.integration !== integration) throw new D115Error(ErrorCode.FORBIDDEN, `the token belongs to integration ${principal.integration}`);
    return principal;
  }
}

/**
 * An integration token: as a bearer token, or — for telephone systems and other webhook
 * senders that can be given only a URL — as the password of HTTP Basic authentication
 * (`https://cti-main:<token>@…`, any user name) or as `?token=` (as Zammad's CTI URLs carry it).
 */
function integrationToken(request: FastifyRequest): string {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (basic) {
    const credentials = Buffer.from(basic[1], 'base64').toString('utf8');
    const password = credentials.slice(credentials.indexOf(':') + 1);
    if (credentials.includes(':') && password) return password;
    throw new D115Error(ErrorCode.UNAUTHENTICATED, 'Basic authentication needs the integration token as its password');
  }
  const query = (request.query as Record<string, unknown>).token;
  if (!request.headers.authorization && typeof query === 'string' && query) return query;
  return bearer(request, false);
}

function bearer(request: FastifyRequest, queryAllowed: boolean): string {
  const query = (request.query as Record<string, unknown>).access_token;
  if (queryAllowed && !request.headers.authorization && typeof query === 'string' && query) return query;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) throw new D115Error(ErrorCode.UNAUTHENTICATED, 'an Authorization: Bearer token is required');
  return match[1];
}

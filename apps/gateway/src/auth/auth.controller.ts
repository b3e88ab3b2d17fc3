import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DemoLoginRequest, SignedInUserReply } from '@d115/contracts';
import { schemaRef } from '../docs/contract-schemas';
import { JsonBody } from '../http/contract-params';
import { CurrentUser, Public, Roles } from './auth.decorators';
import { Authenticator } from './authenticator';
import { Principal } from './principal';

/** How to sign in (the identity provider to use, or the demo users of the embedded default), and who I am once signed in. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly authenticator: Authenticator) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'How clients sign in: `oidc` (issuer, client id, scopes) or `demo` (the demo users)' })
  @ApiOkResponse({ schema: schemaRef('AuthConfigReply') })
  config() {
    return this.authenticator.config();
  }

  @Post('demo-login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A token for a demo user (only without an identity provider; otherwise 404)' })
  @ApiOkResponse({ schema: schemaRef('DemoLoginReply') })
  demoLogin(@JsonBody(DemoLoginRequest) body: DemoLoginRequest) {
    return this.authenticator.demoLogin(body.userId);
  }

  @Get('me')
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Who I am as the gateway reads my token: id, name, roles and municipalities (the configured claims applied)' })
  @ApiOkResponse({ schema: schemaRef('SignedInUserReply') })
  me(@CurrentUser() user: Principal): SignedInUserReply {
    return { id: user.id, name: user.name, roles: user.roles.filter((role) => role !== 'integration'), scope: user.scope };
  }
}

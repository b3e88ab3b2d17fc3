import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DemoLoginRequest } from '@d115/contracts';
import { schemaRef } from '../docs/contract-schemas';
import { JsonBody } from '../http/contract-params';
import { Public } from './auth.decorators';
import { Authenticator } from './authenticator';

/** How to sign in: the identity provider to use, or (embedded default) the demo users. */
@ApiTags('auth')
@Controller('api/v1/auth')
@Public()
export class AuthController {
  constructor(private readonly authenticator: Authenticator) {}

  @Get('config')
  @ApiOperation({ summary: 'How clients sign in: `oidc` (issuer, client id, scopes) or `demo` (the demo users)' })
  @ApiOkResponse({ schema: schemaRef('AuthConfigReply') })
  config() {
    return this.authenticator.config();
  }

  @Post('demo-login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A token for a demo user (only without an identity provider; otherwise 404)' })
  @ApiOkResponse({ schema: schemaRef('DemoLoginReply') })
  demoLogin(@JsonBody(DemoLoginRequest) body: DemoLoginRequest) {
    return this.authenticator.demoLogin(body.userId);
  }
}

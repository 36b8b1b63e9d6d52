import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, AuthUser, CurrentUser, Public, RequestWithUser } from '../../../../libs/auth';
import { ChangePasswordDto, UpdateMeDto } from '../dto/user.dto';
import { LoginDto } from '../dto/login.dto';
import { UsersService } from '../users.service';
import { AccessToken } from './auth.service';
import { tokenOf } from './jwt.strategy';
import { LocalAuthGuard } from './local-auth.guard';
import { PasswordService } from './password.service';
import { SignOutService } from './sign-out.service';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly signOuts: SignOutService,
  ) {}

  /** Exchanges NIP/e-mail and password for a bearer token (API clients). */
  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@Req() req: RequestWithUser): AccessToken {
    return req.user as unknown as AccessToken;
  }

  /** Ends the session of this token: it, and any copy of it, is refused from now on. */
  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() req: FastifyRequest): Promise<void> {
    await this.signOuts.signOut(tokenOf(req));
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: AuthUser) {
    return this.users.get({ kind: 'own', userId: user.id }, user.id);
  }

  @Patch('me')
  @Authenticated()
  @ApiBearerAuth()
  updateMe(@CurrentUser() user: AuthUser, @Body() dto: UpdateMeDto) {
    return this.users.updateMe(user.id, dto);
  }

  @Post('me/password')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user.id, dto.currentPassword, dto.newPassword);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../../../../libs/auth';
import { PlatformSigningKey } from '../signing';
import { VerificationService } from './verification.service';

/** Public certificate checks: by code, or by uploading the signed credential. No login. */
@ApiTags('certification: public verification')
@Controller('api/verifikasi')
export class VerificationController {
  constructor(
    private readonly verification: VerificationService,
    private readonly signingKey: PlatformSigningKey,
  ) {}

  /** The platform's public keys, for verifying credentials offline. */
  @Get('kunci')
  @Public()
  keys() {
    return { keys: this.signingKey.publicKeys };
  }

  @Get(':code')
  @Public()
  async byCode(@Param('code') code: string, @Req() req: FastifyRequest) {
    await this.verification.throttle(req.ip);
    return this.verification.verify(code.slice(0, 64));
  }

  /** Body: the credential JSON as downloaded. */
  @Post('kredensial')
  @Public()
  @HttpCode(200)
  async credential(@Body() body: unknown, @Req() req: FastifyRequest) {
    await this.verification.throttle(req.ip);
    return this.verification.checkCredential(body);
  }
}

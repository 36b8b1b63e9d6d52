import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../../libs/auth';
import { UnsubscribeService } from './preferences/unsubscribe.service';

/**
 * RFC 8058 one-click unsubscribe: the List-Unsubscribe header of every e-mail points here,
 * and the mail client POSTs "List-Unsubscribe=One-Click" without cookies or a CSRF token
 * (the signed token in the path is the proof). A GET (a client opening the link) only
 * leads to the confirmation page: link scanners that prefetch URLs change nothing.
 */
@ApiTags('notifications')
@Controller('api/notifications/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Post(':token')
  @HttpCode(200)
  @Public()
  async oneClick(@Param('token') token: string) {
    const grant = await this.unsubscribe.unsubscribe(token);
    return { unsubscribed: grant.categories };
  }

  @Get(':token')
  @Public()
  async open(@Param('token') token: string, @Res() reply: FastifyReply) {
    this.unsubscribe.inspect(token);
    await reply.redirect(`/notifikasi/berhenti/${token}`, 303);
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { PublicSurveyService } from './public-survey.service';

/**
 * Counts every survey POST against the caller's address before the body is even validated,
 * so a script sending garbage is slowed down like one sending well-formed spam.
 */
@Injectable()
export class SurveyThrottleGuard implements CanActivate {
  constructor(private readonly survey: PublicSurveyService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.survey.throttle(context.switchToHttp().getRequest<FastifyRequest>().ip);
    return true;
  }
}

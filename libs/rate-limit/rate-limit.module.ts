import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitBucket } from './rate-limit-bucket.entity';
import { RateLimiterService } from './rate-limiter.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RateLimitBucket])],
  providers: [RateLimiterService],
  exports: [RateLimiterService],
})
export class RateLimitModule {}

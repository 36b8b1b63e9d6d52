import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { HomeController } from './home.controller';
import { HomeService } from './home.service';
import { SignInController } from './sign-in.controller';

/** Server-rendered pages over the modules' services (Bahasa Indonesia first). */
@Module({
  imports: [IdentityModule, OrganisationModule, LearningModule],
  controllers: [SignInController, HomeController],
  providers: [HomeService],
})
export class WebModule {}

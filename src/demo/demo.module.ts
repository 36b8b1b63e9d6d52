import { Module } from '@nestjs/common';
import { IdentityModule } from '../modules/identity/identity.module';
import { OrganisationModule } from '../modules/organisation/organisation.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [OrganisationModule, IdentityModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}

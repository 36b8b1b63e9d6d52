import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '../../../libs/config';
import { OrganisationModule } from '../organisation/organisation.module';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { PasswordHasher } from './auth/password-hasher';
import { PasswordService } from './auth/password.service';
import { SignOutService } from './auth/sign-out.service';
import { IDENTITY_ENTITIES } from './entities';
import { PeopleDirectory } from './people-directory';
import { IdentityApi } from './identity.api';
import { ImportPlanner } from './import/import-planner';
import { ImportRunner } from './import/import-runner';
import { ImportsController } from './import/imports.controller';
import { ImportsService } from './import/imports.service';
import { ImportRunJob } from './jobs/import-run.job';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { PeopleChangedSubscribers } from './people-changed';

@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256', issuer: 'bina' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'bina' },
      }),
    }),
    OrganisationModule,
  ],
  controllers: [AuthController, UsersController, ImportsController],
  providers: [
    UsersService,
    PeopleDirectory,
    PeopleChangedSubscribers,
    AccountsService,
    AuthService,
    PasswordHasher,
    PasswordService,
    SignOutService,
    LocalStrategy,
    JwtStrategy,
    IdentityApi,
    ImportRunJob,
    ImportPlanner,
    ImportRunner,
    ImportsService,
  ],
  exports: [IdentityApi, AuthService, PasswordService, SignOutService],
})
export class IdentityModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AddressFailuresController } from './address-failures.controller';
import { AddressFailuresService } from './delivery/address-failures.service';
import { DeliveryLedger } from './delivery/delivery-ledger';
import { DigestScheduler } from './delivery/digest.scheduler';
import { DigestService } from './delivery/digest.service';
import { EmailSender } from './delivery/email-sender';
import { MailDispatch } from './delivery/mail-dispatch';
import { NotificationRouter } from './delivery/notification-router';
import { NotificationWriter } from './delivery/notification-writer';
import { RecipientCheck } from './delivery/recipient-check';
import { NOTIFICATION_ENTITIES } from './entities';
import { InboxService } from './inbox/inbox.service';
import { DeliverJob } from './jobs/deliver.job';
import { DigestRunJob } from './jobs/digest-run.job';
import { FanOutJob } from './jobs/fan-out.job';
import { SendDigestJob } from './jobs/send-digest.job';
import { SendEmailJob } from './jobs/send-email.job';
import { DevMailbox } from './mail/dev-mailbox';
import { EmailComposer } from './mail/email-composer';
import { MailTransport } from './mail/mail-transport';
import { UnsubscribeLinks } from './mail/unsubscribe-links';
import { NotificationsApi } from './notifications.api';
import { NotificationsController } from './notifications.controller';
import { PreferencesService } from './preferences/preferences.service';
import { UnsubscribeService } from './preferences/unsubscribe.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { AddressFailuresFollowJob } from './jobs/address-failures-follow.job';

/**
 * In-app notifications and e-mail. Depends on identity only (names, addresses, languages),
 * so that any module can produce notifications through NotificationsApi without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES), IdentityModule],
  controllers: [NotificationsController, UnsubscribeController, AddressFailuresController],
  providers: [
    NotificationsApi,
    NotificationWriter,
    NotificationRouter,
    InboxService,
    PreferencesService,
    UnsubscribeService,
    UnsubscribeLinks,
    AddressFailuresService,
    RecipientCheck,
    DeliveryLedger,
    MailTransport,
    MailDispatch,
    EmailComposer,
    EmailSender,
    DigestService,
    DigestScheduler,
    DevMailbox,
    FanOutJob,
    DeliverJob,
    SendEmailJob,
    DigestRunJob,
    SendDigestJob,
    AddressFailuresFollowJob,
  ],
  // The pages (web module) drive the same services as the API controllers.
  exports: [NotificationsApi, InboxService, PreferencesService, UnsubscribeService, AddressFailuresService, DevMailbox],
})
export class NotificationsModule {}

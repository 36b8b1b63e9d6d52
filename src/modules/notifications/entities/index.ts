import { AddressFailure } from './address-failure.entity';
import { Notification } from './notification.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import { NotificationPreference } from './notification-preference.entity';
import { NotificationSetting } from './notification-setting.entity';

export { AddressFailure, Notification, NotificationDelivery, NotificationPreference, NotificationSetting };
export type { EmailStatus } from './notification.entity';
export const NOTIFICATION_ENTITIES = [
  Notification,
  NotificationDelivery,
  NotificationPreference,
  NotificationSetting,
  AddressFailure,
];

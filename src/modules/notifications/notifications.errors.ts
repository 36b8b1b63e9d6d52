import { defineErrors } from '../../../libs/common';

export const NotificationsError = defineErrors('NOTIFICATIONS', {
  NOTIFICATION_NOT_FOUND: 'not_found',
  ADDRESS_FAILURE_NOT_FOUND: 'not_found',
  MESSAGE_NOT_FOUND: 'not_found',
  UNSUBSCRIBE_LINK_INVALID: 'not_found',
  QUIET_HOURS_INVALID: 'unprocessable',
});

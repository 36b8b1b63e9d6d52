import { EMAIL_MODES, IN_APP_MODES, NOTIFICATION_CATEGORIES } from '../notifications/notifications.api';
import { UpdatePreferencesDto } from '../notifications/dto/preferences.dto';
import { formFlag, formText } from './page-actions';

/**
 * The settings form as a DTO: one select (e-mail) and one checkbox (in-app) per category,
 * and the quiet hours. Unknown values fall back to the defaults rather than failing the form.
 */
export function preferencesFromForm(body: unknown): UpdatePreferencesDto {
  const categories = NOTIFICATION_CATEGORIES.map((category) => {
    const email = formText(body, `email-${category}`, 20);
    return {
      category,
      inApp: formFlag(body, `inApp-${category}`) ? IN_APP_MODES[0] : IN_APP_MODES[1],
      email: (EMAIL_MODES as readonly string[]).includes(email) ? (email as (typeof EMAIL_MODES)[number]) : 'auto',
    };
  });
  const quietHours = formFlag(body, 'quiet')
    ? { start: formText(body, 'quietStart', 5), end: formText(body, 'quietEnd', 5) }
    : null;
  return { categories, quietHours };
}

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { NotificationQuery } from './dto/notification-query.dto';
import { UpdatePreferencesDto } from './dto/preferences.dto';
import { InboxService } from './inbox/inbox.service';
import { PreferencesService } from './preferences/preferences.service';

/** A person's own notifications and settings. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
  ) {}

  /** Newest first, in the person's language. */
  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationQuery) {
    return this.inbox.list(user.id, user.locale, { ...query, unreadOnly: query.unread === 'true' });
  }

  @Get('unread-count')
  @Authenticated()
  async unreadCount(@CurrentUser() user: AuthUser) {
    return { unread: await this.inbox.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  readAll(@CurrentUser() user: AuthUser) {
    return this.inbox.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  read(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.inbox.markRead(user.id, id);
  }

  @Get('preferences')
  @Authenticated()
  getPreferences(@CurrentUser() user: AuthUser) {
    return this.preferences.get(user.id);
  }

  @Put('preferences')
  @Authenticated()
  updatePreferences(@CurrentUser() user: AuthUser, @Body() dto: UpdatePreferencesDto) {
    return this.preferences.update(user.id, dto);
  }
}

import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { AuthUser, CurrentUser, Roles } from '../../../../libs/auth';
import { PageQuery, UuidParam } from '../../../../libs/common';
import { readUploadedFile } from '../../../../libs/content';
import { DIFFICULTIES, Difficulty, QUESTION_TYPES, QuestionType } from '../domain/questions';
import { QuestionDto } from '../dto/question.dto';
import { decodeGiftFile } from './gift-file';
import { QuestionBankService } from './question-bank.service';

class BankQuery extends PageQuery {
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @IsOptional()
  @IsString()
  competencyCode?: string;

  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;
}

const GIFT_MAX_BYTES = 2 * 1024 * 1024;

/** A course's question bank, for its instructors. */
@ApiTags('assessment: question bank')
@ApiBearerAuth()
@Controller('api/assessment/courses/:courseId/questions')
export class QuestionBankController {
  constructor(private readonly bank: QuestionBankService) {}

  @Post()
  @Roles('instructor', 'national_admin')
  create(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string, @Body() dto: QuestionDto) {
    return this.bank.create(user, courseId, dto);
  }

  @Get()
  @Roles('instructor', 'national_admin')
  list(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string, @Query() query: BankQuery) {
    return this.bank.list(user, courseId, query);
  }

  /** The bank in GIFT (docs/question-bank-gift.md). */
  @Get('export.gift')
  @Roles('instructor', 'national_admin')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="bank-soal.gift.txt"')
  exportGift(@CurrentUser() user: AuthUser, @Param('courseId', UuidParam) courseId: string) {
    return this.bank.exportGift(user, courseId);
  }

  /** Multipart with a `file` field holding GIFT text; all or nothing. */
  @Post('import')
  @Roles('instructor', 'national_admin')
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  async importGift(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Req() req: FastifyRequest,
  ) {
    const upload = await readUploadedFile(req, { maxBytes: GIFT_MAX_BYTES });
    return this.bank.importGift(user, courseId, decodeGiftFile(upload.content));
  }

  @Get(':id')
  @Roles('instructor', 'national_admin')
  get(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('id', UuidParam) id: string,
  ) {
    return this.bank.get(user, courseId, id);
  }

  @Put(':id')
  @Roles('instructor', 'national_admin')
  update(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('id', UuidParam) id: string,
    @Body() dto: QuestionDto,
  ) {
    return this.bank.update(user, courseId, id, dto);
  }

  @Delete(':id')
  @Roles('instructor', 'national_admin')
  @HttpCode(204)
  retire(
    @CurrentUser() user: AuthUser,
    @Param('courseId', UuidParam) courseId: string,
    @Param('id', UuidParam) id: string,
  ) {
    return this.bank.retire(user, courseId, id);
  }
}

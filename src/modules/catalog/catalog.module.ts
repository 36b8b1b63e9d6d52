import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { CatalogApi } from './catalog.api';
import { CatalogueRepository } from './catalogue.repository';
import { CourseAccess } from './course-access';
import { CourseContentService } from './course-content.service';
import { CourseDrafts } from './course-drafts';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';
import { CATALOG_ENTITIES } from './entities';
import { LessonMediaService } from './lesson-media.service';
import { PublishingService } from './publishing.service';

@Module({
  imports: [TypeOrmModule.forFeature(CATALOG_ENTITIES), CompetenciesModule, IdentityModule],
  controllers: [CoursesController],
  providers: [
    CatalogApi,
    CatalogueRepository,
    CourseAccess,
    CourseContentService,
    CourseDrafts,
    CoursesService,
    LessonMediaService,
    PublishingService,
  ],
  // The authoring pages (web module) drive the same services as the API controllers.
  exports: [CatalogApi, CoursesService, CourseContentService, PublishingService, LessonMediaService],
})
export class CatalogModule {}

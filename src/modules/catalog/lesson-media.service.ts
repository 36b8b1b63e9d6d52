import { Inject, Injectable } from '@nestjs/common';
import { AuthUser } from '../../../libs/auth';
import { DomainException } from '../../../libs/common';
import { acceptsFamily, detectFileKind, FileFamily } from '../../../libs/content';
import { TransactionRunner } from '../../../libs/database';
import { FILE_STORAGE, FileStorage } from '../../../libs/storage';
import { CatalogError } from './catalog.errors';
import { CourseAccess } from './course-access';
import { CourseContentService } from './course-content.service';
import { LessonView, lessonView } from './course-outline';
import { CourseVersion, Lesson } from './entities';

/** Upload limits per use; the multipart limit of the server is the largest of them. */
export const MEDIA_LIMITS = {
  video: 200 * 1024 * 1024,
  document: 25 * 1024 * 1024,
  cover: 2 * 1024 * 1024,
} as const;

const FAMILIES: Record<'video' | 'document', FileFamily[]> = { video: ['video'], document: ['pdf', 'office'] };

export interface StoredMedia {
  key: string;
  mime: string;
  fileName: string;
  courseId: string;
  versionId: string;
}

/** Files of lessons and course covers: checked by content, stored under random names. */
@Injectable()
export class LessonMediaService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: CourseAccess,
    private readonly content: CourseContentService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async attach(
    user: AuthUser,
    courseId: string,
    lessonId: string,
    fileName: string,
    file: Buffer,
  ): Promise<LessonView> {
    const kind = detectFileKind(file);
    return this.content.inDraft(user, courseId, async (m, draft) => {
      const lesson = await this.content.lessonOf(m, draft, lessonId);
      if (lesson.kind !== 'video' && lesson.kind !== 'document') {
        throw new DomainException(CatalogError.LESSON_KIND_MISMATCH, `A ${lesson.kind} lesson takes no file`);
      }
      if (!acceptsFamily(kind, FAMILIES[lesson.kind])) {
        throw badFile(lesson.kind === 'video' ? 'an MP4 or WebM video' : 'a PDF or office document');
      }
      if (file.length > MEDIA_LIMITS[lesson.kind]) throw badFile(`at most ${MEDIA_LIMITS[lesson.kind] >> 20} MB`);
      // The old file stays: the published version may still point at it.
      const key = await this.storage.put('lesson-media', file, kind.extension);
      await m.update(
        Lesson,
        { id: lesson.id },
        { mediaKey: key, mediaMime: kind.mime, mediaName: safeName(fileName, kind.extension), mediaSize: file.length },
      );
      return lessonView(await m.findOneByOrFail(Lesson, { id: lesson.id }));
    });
  }

  async attachCover(user: AuthUser, courseId: string, file: Buffer): Promise<void> {
    const kind = detectFileKind(file);
    if (!acceptsFamily(kind, ['image'])) throw badFile('a PNG, JPEG or WebP image');
    if (file.length > MEDIA_LIMITS.cover) throw badFile(`at most ${MEDIA_LIMITS.cover >> 20} MB`);
    await this.content.inDraft(user, courseId, async (m, draft) => {
      const key = await this.storage.put('course-covers', file, kind.extension);
      await m.update(CourseVersion, { id: draft.id }, { coverKey: key, coverMime: kind.mime });
    });
  }

  /** A lesson's file for one of the course's instructors (any version). */
  async forEditor(user: AuthUser, courseId: string, lessonId: string): Promise<StoredMedia> {
    return this.tx.run(async (m) => {
      await this.access.editable(m, user, courseId);
      const media = await this.find(lessonId);
      if (!media || media.courseId !== courseId) throw notFound();
      return media;
    });
  }

  /** A lesson's file with the course and version it belongs to (the caller checks who may see it). */
  async find(lessonId: string): Promise<StoredMedia | null> {
    return this.tx.run(async (m) => {
      const lesson = await m.findOneBy(Lesson, { id: lessonId });
      if (!lesson?.mediaKey) return null;
      const version = await m.findOneByOrFail(CourseVersion, { id: lesson.versionId });
      return {
        key: lesson.mediaKey,
        mime: lesson.mediaMime ?? 'application/octet-stream',
        fileName: lesson.mediaName ?? 'berkas',
        courseId: version.courseId,
        versionId: version.id,
      };
    });
  }

  /** The cover of a version, if it has one. */
  async cover(versionId: string): Promise<{ key: string; mime: string } | null> {
    const version = await this.tx.run((m) => m.findOneBy(CourseVersion, { id: versionId }));
    return version?.coverKey ? { key: version.coverKey, mime: version.coverMime ?? 'image/jpeg' } : null;
  }
}

function badFile(expected: string): DomainException {
  return new DomainException(CatalogError.BAD_FILE, `The file must be ${expected}`, {
    fields: [{ field: 'file', rule: 'file_type', message: `expected ${expected}` }],
  });
}

const notFound = () => new DomainException(CatalogError.LESSON_NOT_FOUND, 'No such file');

/** Keeps a readable name for downloads; the stored name is random regardless. */
function safeName(fileName: string, extension: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N} ._-]/gu, '')
    .trim()
    .slice(0, 150);
  return `${base || 'berkas'}.${extension}`;
}

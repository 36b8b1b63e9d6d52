import { QuestionInput, StoredQuestion, toInput } from '../domain/questions';
import { Question } from '../entities';

/** A question as its editors see it: everything, key included. */
export interface QuestionView extends QuestionInput {
  id: string;
  courseId: string;
  revision: number;
  retired: boolean;
  updatedAt: string;
}

export function storedOf(q: Question): StoredQuestion {
  return {
    type: q.type,
    stem: q.stem,
    points: q.pointsHundredths / 100,
    feedback: q.feedback,
    content: JSON.parse(q.contentJson),
    key: JSON.parse(q.keyJson),
  };
}

export function questionView(q: Question): QuestionView {
  return {
    id: q.id,
    courseId: q.courseId,
    revision: q.revision,
    retired: q.retiredAt !== null,
    updatedAt: q.updatedAt.toISOString(),
    ...toInput(storedOf(q), { competencyCode: q.competencyCode, difficulty: q.difficulty }),
  };
}

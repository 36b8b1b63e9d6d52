import { QuizAttempt } from './attempt.entity';
import { GradeChange } from './grade-change.entity';
import { Question } from './question.entity';
import { Quiz } from './quiz.entity';
import { RegradeRun } from './regrade-run.entity';

export * from './attempt.entity';
export * from './grade-change.entity';
export * from './question.entity';
export * from './quiz.entity';
export * from './regrade-run.entity';
export const ASSESSMENT_ENTITIES = [Question, Quiz, QuizAttempt, GradeChange, RegradeRun];

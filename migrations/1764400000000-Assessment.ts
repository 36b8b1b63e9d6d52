import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Question banks, quizzes, attempts, the grade audit and regrade runs. */
export class Assessment1764400000000 implements MigrationInterface {
  name = 'Assessment1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'question',
        columns: [
          column.id(),
          column.ref('course_id'),
          column.varchar('type', 12),
          column.text('stem'),
          column.int('points_hundredths'),
          column.text('feedback', true),
          column.varchar('competency_code', 20, { isNullable: true }),
          column.varchar('difficulty', 6),
          column.text('content_json'),
          column.text('key_json'),
          column.int('revision'),
          column.datetime('retired_at', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_question_course',
            columnNames: ['course_id', 'retired_at', 'competency_code', 'difficulty'],
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz',
        columns: [
          column.id(),
          column.ref('course_id'),
          column.varchar('title', 200),
          column.text('instructions', true),
          column.text('slots_json'),
          column.int('time_limit_minutes', { isNullable: true }),
          column.datetime('opens_at', true),
          column.datetime('closes_at', true),
          column.int('attempts_allowed', { isNullable: true }),
          column.varchar('grading_method', 8),
          column.int('pass_percent'),
          column.varchar('show_score', 14),
          column.varchar('show_answers', 14),
          column.bool('shuffle_questions', false),
          column.bool('shuffle_options', true),
          column.varchar('role', 4),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_quiz_course', columnNames: ['course_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz_attempt',
        columns: [
          column.id(),
          column.ref('quiz_id'),
          column.ref('course_id'),
          column.ref('user_id'),
          column.int('number'),
          column.varchar('status', 16),
          column.datetime('started_at'),
          column.datetime('due_at', true),
          column.datetime('submitted_at', true),
          column.varchar('closed_by', 8, { isNullable: true }),
          column.text('snapshot_json'),
          column.text('responses_json'),
          column.int('revision'),
          column.int('score_hundredths', { isNullable: true }),
          column.int('max_hundredths'),
          column.int('percent_hundredths', { isNullable: true }),
          column.text('marks_json', true),
          column.datetime('graded_at', true),
          column.int('grade_version', { default: 0 }),
          column.varchar('grading_error', 500, { isNullable: true }),
          column.datetime('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_quiz_attempt_number',
            columnNames: ['quiz_id', 'user_id', 'number'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_quiz_attempt_quiz_status', columnNames: ['quiz_id', 'status'] }),
          new TableIndex({ name: 'IDX_quiz_attempt_user', columnNames: ['user_id', 'quiz_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'grade_change',
        columns: [
          column.id(),
          column.ref('attempt_id'),
          column.varchar('kind', 8),
          column.int('slot', { isNullable: true }),
          column.ref('by_user_id', true),
          column.varchar('reason', 1000, { isNullable: true }),
          column.int('before_hundredths', { isNullable: true }),
          column.int('after_hundredths', { isNullable: true }),
          column.datetime('at'),
        ],
        indices: [new TableIndex({ name: 'IDX_grade_change_attempt', columnNames: ['attempt_id', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'regrade_run',
        columns: [
          column.id(),
          column.ref('quiz_id'),
          column.ref('requested_by'),
          column.varchar('status', 8),
          column.int('total'),
          column.int('done'),
          column.int('changed'),
          column.ref('cursor', true),
          column.datetime('created_at'),
          column.datetime('finished_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_regrade_run_quiz', columnNames: ['quiz_id', 'created_at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['regrade_run', 'grade_change', 'quiz_attempt', 'quiz', 'question']) await q.dropTable(table);
  }
}

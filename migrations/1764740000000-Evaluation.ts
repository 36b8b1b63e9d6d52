import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

/** Kirkpatrick evaluation: the post-course questionnaire (L1), the follow-ups at work (L3), their setting. */
export class Evaluation1764740000000 implements MigrationInterface {
  name = 'Evaluation1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'course_evaluation',
        columns: [
          column.id(),
          column.ref('enrolment_id'),
          column.ref('user_id'),
          column.ref('course_id'),
          column.ref('version_id'),
          column.datetime('completed_at'),
          column.datetime('requested_at'),
          column.datetime('answered_at', true),
          column.int('material', { isNullable: true }),
          column.int('delivery', { isNullable: true }),
          column.int('usefulness', { isNullable: true }),
          column.varchar('comment', 1000, { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'UQ_course_evaluation_enrolment', columnNames: ['enrolment_id'], isUnique: true }),
          new TableIndex({ name: 'IDX_course_evaluation_course', columnNames: ['course_id', 'answered_at'] }),
          new TableIndex({ name: 'IDX_course_evaluation_user', columnNames: ['user_id', 'answered_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'follow_up_survey',
        columns: [
          column.id(),
          column.ref('enrolment_id'),
          column.ref('course_id'),
          column.ref('learner_id'),
          column.ref('respondent_id'),
          column.varchar('role', 10),
          column.varchar('status', 10, { default: "'scheduled'" }),
          column.datetime('completed_at'),
          column.datetime('due_at'),
          column.datetime('first_sent_at', true),
          column.datetime('last_sent_at', true),
          column.int('reminders', { default: 0 }),
          column.datetime('answered_at', true),
          column.varchar('applied', 8, { isNullable: true }),
          column.varchar('examples', 1000, { isNullable: true }),
          column.datetime('expired_at', true),
        ],
        indices: [
          new TableIndex({
            name: 'UQ_follow_up_survey_enrolment_role',
            columnNames: ['enrolment_id', 'role'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_follow_up_survey_due', columnNames: ['status', 'due_at'] }),
          new TableIndex({ name: 'IDX_follow_up_survey_respondent', columnNames: ['respondent_id', 'status'] }),
          new TableIndex({ name: 'IDX_follow_up_survey_course', columnNames: ['course_id', 'role'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'evaluation_setting',
        columns: [column.varchar('key', 40, { isPrimary: true }), column.varchar('value', 200)],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('evaluation_setting');
    await q.dropTable('follow_up_survey');
    await q.dropTable('course_evaluation');
  }
}

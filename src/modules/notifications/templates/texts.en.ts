import { NotificationCategory } from '../domain/categories';
import { TextTemplate } from './text-kit';

export const CATEGORY_NAMES_EN: Record<NotificationCategory, string> = {
  'course-assigned': 'Course assignments',
  'deadline-approaching': 'Course deadlines',
  'quiz-graded': 'Quiz results',
  'essay-awaiting-grading': 'Essays awaiting grading',
  'certificate-issued': 'Certificates issued',
  'plan-awaiting-review': 'Development plans awaiting review',
  'plan-approved': 'Development plans approved',
  'plan-returned': 'Development plans returned',
  'follow-up-survey-due': 'Training follow-up surveys',
  'course-evaluation-due': 'Course evaluations',
  'needs-questionnaire': 'Needs-analysis questionnaires',
  'mentoring-session-logged': 'Mentoring sessions',
  'monitoring-export-ready': 'Monitoring exports',
};

/** English, for people who chose it. */
export const TEXTS_EN: Record<NotificationCategory, TextTemplate> = {
  'course-assigned': (p) => ({
    title: `You have been assigned the course "${p.text('course', 'new course')}"`,
    lines: [
      `Your training unit assigned you the course "${p.text('course')}".`,
      p.has('deadline') ? `Please finish it by ${p.date('deadline')}.` : 'This course has no deadline.',
    ],
    action: 'Open the course',
  }),
  'deadline-approaching': (p) => ({
    title:
      p.num('days') === 1
        ? `The course "${p.text('course')}" is due tomorrow`
        : `The course "${p.text('course')}" is due in ${p.text('days', '7')} days`,
    lines: [
      `The course "${p.text('course')}" must be finished by ${p.date('deadline')}.`,
      'Keep learning so that you finish on time and your JP are recorded.',
    ],
    action: 'Continue learning',
  }),
  'quiz-graded': (p) => ({
    title: `Your result for the quiz "${p.text('quiz')}" is ready`,
    lines: p.has('percent')
      ? [
          `Your score: ${p.text('percent')}%.${p.has('passed') ? (p.num('passed') ? ' You passed.' : ' You did not pass yet.') : ''}`,
        ]
      : ['Your answers have been graded.'],
    action: 'See the result',
  }),
  'essay-awaiting-grading': (p) => ({
    title: `Essay awaiting grading: ${p.text('quiz')}`,
    lines: [
      `${p.text('learner', 'A learner')} submitted an essay answer in the quiz "${p.text('quiz')}" (${p.text('course')}).`,
    ],
    action: 'Open the grading queue',
  }),
  'certificate-issued': (p) => ({
    title: `Your certificate for "${p.text('course')}" has been issued`,
    lines: [
      `Congratulations! Your certificate for the course "${p.text('course')}" has been issued${p.has('serial') ? ` with number ${p.text('serial')}` : ''}.`,
    ],
    action: 'See the certificate',
  }),
  'plan-awaiting-review': (p) => ({
    title: `${p.text('learner', 'A colleague')}'s development plan awaits your review`,
    lines: [`${p.text('learner', 'A colleague')} submitted a competency development plan for ${p.text('year')}.`],
    action: 'Review the plan',
  }),
  'plan-approved': (p) => ({
    title: `Your development plan for ${p.text('year')} was approved`,
    lines: ['Your competency development plan was approved. Its activities can now begin.'],
    action: 'See the plan',
  }),
  'plan-returned': (p) => ({
    title: `Your development plan for ${p.text('year')} was returned for changes`,
    lines: [
      'Your competency development plan was returned for changes.',
      p.has('reason') ? `Reviewer's note: ${p.text('reason')}` : "See the reviewer's note on your plan.",
    ],
    action: 'Revise the plan',
  }),
  'follow-up-survey-due': (p) => ({
    title: `Training follow-up survey: "${p.text('course')}"`,
    lines: [
      `Please answer the follow-up survey: is what was learnt in "${p.text('course')}"${p.has('learner') ? ` by ${p.text('learner')}` : ''} applied at work?`,
      ...(p.has('dueDate') ? [`Please answer by ${p.date('dueDate')}.`] : []),
    ],
    action: 'Answer the survey',
  }),
  'course-evaluation-due': (p) => ({
    title: `How was "${p.text('course')}"?`,
    lines: [
      `Thank you for completing "${p.text('course')}".`,
      'Please rate its material, delivery and usefulness (2 minutes).',
    ],
    action: 'Rate the course',
  }),
  'needs-questionnaire': (p) => ({
    title: `Questionnaire: ${p.text('title', 'training needs analysis')}`,
    lines: [
      'Your training unit asks you to fill in a questionnaire for its training needs analysis.',
      ...(p.has('dueDate') ? [`Please answer by ${p.date('dueDate')}.`] : []),
    ],
    action: 'Answer the questionnaire',
  }),
  'mentoring-session-logged': (p) => ({
    title: `Mentoring session "${p.text('topic')}" awaits your confirmation`,
    lines: [
      `${p.text('by', 'Your mentoring partner')} logged a mentoring session on ${p.date('date')} (${p.text('minutes')} minutes).`,
      'Confirm it so that its JP count.',
    ],
    action: 'See the session',
  }),
  'monitoring-export-ready': (p) => ({
    title: `Export "${p.text('table', 'monitoring data')}" is ready to download`,
    lines: [
      `The ${p.text('format', '')} file with ${p.text('rows', '0')} rows has been created.`,
      ...(p.has('expiresAt') ? [`You can download it until ${p.date('expiresAt')}.`] : []),
    ],
    action: 'Download the file',
  }),
};

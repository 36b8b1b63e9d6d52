import { SetMetadata } from '@nestjs/common';
import { JobName } from './jobs';

export const JOB_HANDLER = Symbol('JOB_HANDLER');

/** Marks a provider as the one handler of a job. The class implements JobProcessor<N>. */
export const JobHandler = (name: JobName) => SetMetadata(JOB_HANDLER, name);

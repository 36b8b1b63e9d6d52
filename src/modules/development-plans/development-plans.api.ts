import { Injectable } from '@nestjs/common';

/** What other modules (monitoring) may ask of development plans; grows with its consumers. */
@Injectable()
export class DevelopmentPlansApi {}

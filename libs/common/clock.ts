import { Injectable } from '@nestjs/common';

/** The only source of "now" in domain code, so that tests can move time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests can set and advance. */
export class FixedClock extends Clock {
  constructor(private current = new Date('2026-01-15T02:00:00Z')) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

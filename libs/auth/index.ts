export * from './access.decorators';
export * from './access.guard';
export * from './roles';
export * from './scope';

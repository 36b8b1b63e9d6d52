export * from './domain-exception';
export * from './error-status';
export * from './validation';
export { FreeFormObject } from './free-form';
export * from './exception.filter';

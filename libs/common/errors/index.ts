export * from './domain-exception';
export * from './error-status';
export * from './validation';
export * from './exception.filter';

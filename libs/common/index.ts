export * from './common.module';
export * from './clock';
export * from './errors';
export * from './http/request-context';
export * from './ids';
export * from './pagination';
export * from './project-root';
export * from './http/uuid-param.pipe';

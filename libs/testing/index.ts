export * from './factories';
export * from './test-app';
export * from './test-environment';
export * from './route-inventory';
export * from './pages';
export * from './courses';
export * from './as-user';
export * from './quizzes';

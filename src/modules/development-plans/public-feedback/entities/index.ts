export * from './ikm-response.entity';
export * from './ikm-setting.entity';

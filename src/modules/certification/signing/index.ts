export { PlatformSigningKey, PublishedKey } from './platform-signing-key';

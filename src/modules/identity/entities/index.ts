import { User } from './user.entity';
import { UserImport } from './user-import.entity';
import { UserImportError } from './user-import-error.entity';

export { User, UserImport, UserImportError };
export const IDENTITY_ENTITIES = [User, UserImport, UserImportError];

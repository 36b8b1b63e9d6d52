import { formatNip } from './domain/nip';
import { User } from './entities';

/** A person as the API shows them: never the password hash. */
export type UserView = Omit<User, 'passwordHash'> & { nipDisplay: string | null };

export function toUserView(user: User): UserView {
  const { passwordHash: _omit, ...rest } = user;
  return { ...rest, nipDisplay: user.nip ? formatNip(user.nip) : null };
}

import { AuthorityView } from '@d115/contracts';
import { Authority } from './entities/authority.entity';

export function toAuthorityView(authority: Authority): AuthorityView {
  return { id: authority.id, name: authority.name, email: authority.email, ...(authority.ars ? { ars: authority.ars } : {}) };
}

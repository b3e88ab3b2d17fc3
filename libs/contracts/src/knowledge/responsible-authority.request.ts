import { Matches } from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';

export class FindResponsibleAuthorityRequest {
  @Matches(LEIKA_KEY)
  leikaKey!: string;

  @Matches(ARS)
  ars!: string;
}

export interface ResponsibleAuthority {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  address?: string;
  ars: string;
}

export interface FindResponsibleAuthorityReply {
  authorities: ResponsibleAuthority[];
}

import { Matches } from 'class-validator';
import { requestSubject } from '../common/subjects';
import { ARS, LEIKA_KEY } from '../common/keys';

export const KnowledgeSubjects = {
  /** Who is responsible (Zuständigkeit) for Leistung K in region R. */
  findResponsibleAuthority: requestSubject('knowledge', 'responsible-authority.find'),
} as const;

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

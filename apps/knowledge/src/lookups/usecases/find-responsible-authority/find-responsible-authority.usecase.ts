import { Injectable } from '@nestjs/common';
import { FindResponsibleAuthorityReply, FindResponsibleAuthorityRequest } from '@d115/contracts';
import { CatalogueRepository } from '../../../catalogue/catalogue.repository';
import { toResponsibleAuthority } from '../../../organisations/organisation-unit.mapper';
import { ResponsibilitiesRepository } from '../../../organisations/responsibilities.repository';

/**
 * Zuständigkeitsfinder: the organisation units responsible for a LeiKa key in a
 * region, those of the most specific covering region only. An unknown service
 * or region is an empty list (the caller falls back), not an error.
 */
@Injectable()
export class FindResponsibleAuthorityUsecase {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly responsibilities: ResponsibilitiesRepository,
  ) {}

  async execute(query: FindResponsibleAuthorityRequest): Promise<FindResponsibleAuthorityReply> {
    const service = await this.catalogue.findByLeikaKey(query.leikaKey);
    if (!service) return { authorities: [] };
    const covering = await this.responsibilities.covering(service.id, query.ars);
    const mostSpecific = covering.filter((entry) => entry.regionArs === covering[0]?.regionArs);
    return { authorities: mostSpecific.map((entry) => toResponsibleAuthority(entry.unit, entry.regionArs)) };
  }
}

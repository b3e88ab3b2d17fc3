import { Injectable } from '@nestjs/common';
import { GetServiceReply, GetServiceRequest, KnowledgeErrorCode } from '@d115/contracts';
import { CatalogueRepository } from '../../../catalogue/catalogue.repository';
import { toServiceDescriptionView } from '../../../catalogue/service.mapper';
import { toOrganisationUnitView } from '../../../organisations/organisation-unit.mapper';
import { ResponsibilitiesRepository } from '../../../organisations/responsibilities.repository';
import { KnowledgeException } from '../../../shared/knowledge.exception';

/** The Leistungsbeschreibung, and for a region the most specific responsible office with its hours. */
@Injectable()
export class GetServiceUsecase {
  constructor(
    private readonly catalogue: CatalogueRepository,
    private readonly responsibilities: ResponsibilitiesRepository,
  ) {}

  async execute(query: GetServiceRequest): Promise<GetServiceReply> {
    const service = query.serviceId ? await this.catalogue.findById(query.serviceId) : await this.catalogue.findByLeikaKey(query.leikaKey!);
    if (!service) throw new KnowledgeException(KnowledgeErrorCode.SERVICE_NOT_FOUND, `no service ${query.serviceId ?? `with LeiKa key ${query.leikaKey}`}`);
    const reply: GetServiceReply = { service: toServiceDescriptionView(service), ...(query.ars ? { ars: query.ars } : {}) };
    if (!query.ars) return reply;
    const [best] = await this.responsibilities.covering(service.id, query.ars);
    if (!best) return reply;
    return {
      ...reply,
      responsible: {
        organisationUnit: toOrganisationUnitView(best.unit),
        regionArs: best.regionArs,
        appointmentBookable: best.appointmentBookable ?? service.appointmentBookable,
        ...(best.appointmentUrl ? { appointmentUrl: best.appointmentUrl } : {}),
      },
    };
  }
}

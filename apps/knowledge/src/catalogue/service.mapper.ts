import { ServiceDescriptionView } from '@d115/contracts';
import { Service } from './entities/service.entity';

export function toServiceDescriptionView(service: Service): ServiceDescriptionView {
  return {
    id: service.id,
    ...(service.leikaKey ? { leikaKey: service.leikaKey } : {}),
    source: service.source,
    sourceId: service.sourceId,
    name: service.name,
    synonyms: service.synonyms,
    keywords: service.keywords,
    modules: service.modules,
    onlineServices: service.onlineServices.map(({ title, url }) => ({ title, url })),
    appointmentBookable: service.appointmentBookable,
    ...(service.validFrom ? { validFrom: service.validFrom } : {}),
    ...(service.validUntil ? { validUntil: service.validUntil } : {}),
  };
}
